'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Badge } from '@/components/ui/badge';

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
 * conversation with the patient says how many of its messages the viewer has not read.
 */
export function ChartTabs({
  patientId,
  conversationUnread = 0,
}: {
  patientId: string;
  conversationUnread?: number;
}) {
  const pathname = usePathname();
  const base = `/patients/${patientId}`;
  return (
    <nav aria-label="Chart sections" className="-mx-1 overflow-x-auto print:hidden">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 px-1">
        {sections.map((section) => {
          const href = base + section.href;
          const current = section.href === '' ? pathname === base : pathname.startsWith(href);
          return (
            <li key={section.label}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`-mb-px inline-block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? 'border-teal-700 text-teal-900'
                    : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'
                }`}
              >
                {section.label}
                {section.href === '/conversation' && conversationUnread > 0 ? (
                  <span className="ml-1.5 inline-flex">
                    <Badge tone="teal">{conversationUnread} new</Badge>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
