'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { currentHref, type NavItem } from '@/components/layout/nav-items';

/**
 * The role's sections as tabs; the current one is marked for sight and for screen readers. They
 * wrap onto a second line on a narrow screen rather than scroll sideways out of sight.
 */
export function MainNav({ items, className = '' }: { items: NavItem[]; className?: string }) {
  const pathname = usePathname();
  const current = currentHref(
    items.map((i) => i.href),
    pathname,
  );
  return (
    <nav aria-label="Main" className={`-mb-px ${className}`}>
      <ul className="flex flex-wrap gap-x-1 sm:gap-x-2">
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
