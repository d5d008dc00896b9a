'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/components/layout/nav-items';

/** The role's sections as tabs; the current one is marked for sight and for screen readers. */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The longest matching link is the current one (/my-care/who-viewed is not also /my-care).
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main" className="-mb-px overflow-x-auto">
      <ul className="flex gap-1 sm:gap-2">
        {items.map((item) => {
          const isCurrent = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={`inline-block border-b-2 px-3 py-3 text-sm font-medium whitespace-nowrap ${
                  isCurrent
                    ? 'border-teal-700 text-teal-800'
                    : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
