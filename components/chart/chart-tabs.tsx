'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import { useDisclosure } from '@/components/ui/use-disclosure';

const sections = [
  { href: '', label: 'Overview' },
  { href: '/medications', label: 'Medications' },
  { href: '/plan', label: 'Plan' },
  { href: '/safety-plan', label: 'Safety plan' },
  { href: '/notes', label: 'Notes' },
  { href: '/check-ins', label: 'Check-ins and measures' },
  { href: '/conversation', label: 'Conversation' },
  { href: '/messages', label: 'Care-team messages' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/contact', label: 'Contact' },
] as const;

/**
 * The sections of a patient's chart; the current one is marked for assistive technology too. The
 * conversation with the patient says how many of its messages the viewer has not read. From
 * 640 px they are tabs that wrap; on a phone, a button naming the current section opens them as a
 * list, so none hides in a sideways scroller.
 */
export function ChartTabs({
  patientId,
  conversationUnread = 0,
}: {
  patientId: string;
  conversationUnread?: number;
}) {
  const pathname = usePathname();
  const listId = useId();
  const { isOpen, toggle, containerRef, buttonRef, panelRef } = useDisclosure<
    HTMLElement,
    HTMLButtonElement,
    HTMLUListElement
  >();
  const base = `/patients/${patientId}`;
  const isCurrent = (href: string) =>
    href === base ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
  const current = sections.find((s) => isCurrent(base + s.href));
  const unread =
    conversationUnread > 0 ? (
      <span className="ml-1.5 inline-flex">
        <Badge tone="teal">{conversationUnread} new</Badge>
      </span>
    ) : null;
  return (
    <nav ref={containerRef} aria-label="Chart sections" className="print:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={toggle}
        className="flex min-h-11 w-full items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 text-left text-sm sm:hidden"
      >
        <span>
          <span className="text-slate-600">Section: </span>
          <span className="font-medium text-slate-900">{current?.label ?? 'Overview'}</span>
          {current?.href !== '/conversation' ? unread : null}
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`h-4 w-4 text-slate-600 ${isOpen ? 'rotate-180' : ''}`}
          fill="currentColor"
        >
          <path d="M5.2 7.5a.75.75 0 0 1 1.06.02L10 11.4l3.74-3.88a.75.75 0 1 1 1.08 1.04l-4.28 4.44a.75.75 0 0 1-1.08 0L5.18 8.56a.75.75 0 0 1 .02-1.06Z" />
        </svg>
      </button>
      <ul
        ref={panelRef}
        id={listId}
        className={`${
          isOpen ? 'flex' : 'hidden'
        } mt-1 flex-col rounded-md border border-slate-200 bg-white py-1 shadow-sm sm:mt-0 sm:flex sm:flex-row sm:flex-wrap sm:gap-x-1 sm:rounded-none sm:border-0 sm:border-b sm:bg-transparent sm:py-0 sm:shadow-none`}
      >
        {sections.map((section) => {
          const href = base + section.href;
          const isHere = isCurrent(href);
          return (
            <li key={section.label}>
              <Link
                href={href}
                aria-current={isHere ? 'page' : undefined}
                className={`flex min-h-11 items-center border-l-4 px-3 text-sm font-medium sm:-mb-px sm:inline-flex sm:min-h-0 sm:rounded-t-md sm:border-b-2 sm:border-l-0 sm:py-2 ${
                  isHere
                    ? 'border-teal-700 bg-teal-50 text-teal-900 sm:bg-transparent'
                    : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'
                }`}
              >
                {section.label}
                {section.href === '/conversation' ? unread : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
