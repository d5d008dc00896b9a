'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, type ReactNode } from 'react';
import {
  currentHref,
  PATIENT_MORE,
  PATIENT_TABS,
  type NavItem,
} from '@/components/layout/nav-items';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { useDisclosure } from '@/components/ui/use-disclosure';

const icons: Record<string, ReactNode> = {
  '/my-care': <path d="M3 9.5 10 3.5l7 6V17h-4.5v-4.5h-5V17H3V9.5Z" />,
  '/my-care/plan': (
    <>
      <path d="M7 3.5h6v2H7z" />
      <path d="M7 4.5H5v12.5h10V4.5h-2M7.5 10h5M7.5 13h3.5" />
    </>
  ),
  '/my-care/check-in': (
    <>
      <circle cx="10" cy="10" r="7" />
      <path d="m6.8 10.2 2.2 2.2 4.3-4.6" />
    </>
  ),
  '/my-care/messages': <path d="M3.5 4.5h13v9h-7l-4 3v-3h-2v-9Z" />,
};

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      {children}
    </svg>
  );
}

const tabClass = (isCurrent: boolean) =>
  `flex min-h-14 w-full flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium ${
    isCurrent ? 'text-teal-800' : 'text-slate-700 hover:text-slate-900'
  }`;

/**
 * The patient's navigation on a phone (hidden from 640 px, where the header's tabs take over):
 * four tabs fixed to the bottom of the screen, above the home indicator, and "More", a panel of
 * the remaining pages and signing out.
 */
export function PatientTabBar() {
  const pathname = usePathname();
  const current = currentHref(
    [...PATIENT_TABS, ...PATIENT_MORE].map((i) => i.href),
    pathname,
  );
  const moreId = useId();
  const { isOpen, toggle, containerRef, buttonRef, panelRef } = useDisclosure<
    HTMLElement,
    HTMLButtonElement,
    HTMLDivElement
  >();
  const isMoreCurrent = PATIENT_MORE.some((i) => i.href === current);
  return (
    <nav
      ref={containerRef}
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] sm:hidden print:hidden"
    >
      <div
        ref={panelRef}
        id={moreId}
        hidden={!isOpen}
        className="absolute inset-x-0 bottom-full max-h-[70dvh] overflow-y-auto rounded-t-xl border-t border-slate-200 bg-white px-2 pt-2 pb-3 shadow-[0_-8px_24px_rgba(15,23,42,0.12)]"
      >
        <ul className="divide-y divide-slate-100">
          {PATIENT_MORE.map((item) => (
            <MoreLink key={item.href} item={item} isCurrent={item.href === current} />
          ))}
          <li>
            <SignOutButton className="flex min-h-11 w-full items-center px-3 text-left text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:text-slate-600" />
          </li>
        </ul>
      </div>
      <ul className="flex">
        {PATIENT_TABS.map((item) => {
          const isCurrent = item.href === current;
          return (
            <li key={item.href} className="flex-1">
              <Link
                href={item.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={tabClass(isCurrent)}
              >
                <Icon>{icons[item.href]}</Icon>
                {item.label}
              </Link>
            </li>
          );
        })}
        <li className="flex-1">
          <button
            ref={buttonRef}
            type="button"
            aria-expanded={isOpen}
            aria-controls={moreId}
            onClick={toggle}
            className={tabClass(isMoreCurrent || isOpen)}
          >
            <Icon>
              <path d="M4.5 10h.01M10 10h.01M15.5 10h.01" strokeWidth={3} />
            </Icon>
            More
          </button>
        </li>
      </ul>
    </nav>
  );
}

function MoreLink({ item, isCurrent }: { item: NavItem; isCurrent: boolean }) {
  return (
    <li>
      <Link
        href={item.href}
        aria-current={isCurrent ? 'page' : undefined}
        className={`flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${
          isCurrent ? 'bg-teal-50 text-teal-900' : 'text-slate-800 hover:bg-slate-50'
        }`}
      >
        {item.label}
      </Link>
    </li>
  );
}
