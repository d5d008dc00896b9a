import Link from 'next/link';
import { AuditEventTable } from '@/components/admin/audit-event-table';
import type { AuditFilterValues } from '@/components/admin/audit-filter-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { OlderPageLink } from '@/components/ui/pagination';
import type { AuditEventPage } from '@/lib/schemas/audit-events';

type HrefFor = (overrides: Partial<AuditFilterValues> & { cursor?: string }) => string;

/** The events the filters found, a page at a time, or why there are none to show. */
export function AuditEventsResult({
  events,
  isStale,
  cursor,
  isFiltered,
  hrefFor,
  focusPatient,
}: {
  events: AuditEventPage | null;
  isStale: boolean;
  cursor: string;
  isFiltered: boolean;
  hrefFor: HrefFor;
  /** The patient the log is filtered by, named in the list views that showed them. */
  focusPatient?: { id: string; name: string };
}) {
  if (isStale) {
    return (
      <EmptyState title="This page of the log is not available">
        <p>
          The link to older events is out of date.{' '}
          <Link href={hrefFor({ cursor: '' })} className="font-medium text-teal-800 underline">
            Start from the newest events
          </Link>
          .
        </p>
      </EmptyState>
    );
  }
  if (!events) {
    return (
      <EmptyState title="Fix the filters to see events">
        <p>One of the filters above is not valid.</p>
      </EmptyState>
    );
  }
  if (events.items.length === 0) {
    return (
      <EmptyState title={cursor ? 'No older events' : 'No events match'}>
        <p>
          {isFiltered
            ? 'Try a wider date range, or clear the filters.'
            : 'Events appear here as people use Triad.'}
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <AuditEventTable
        events={events.items}
        focusPatient={focusPatient}
        hrefWith={(filter) => hrefFor({ ...filter, cursor: '' })}
      />
      <nav
        aria-label="Audit log pages"
        className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4"
      >
        <p className="text-sm text-slate-600">
          Showing {events.items.length} {events.items.length === 1 ? 'event' : 'events'}
          {cursor ? ' (older page)' : ''}.
        </p>
        <div className="flex flex-wrap gap-2">
          {cursor ? (
            <Link href={hrefFor({ cursor: '' })} className={buttonClass('secondary')}>
              Newest events
            </Link>
          ) : null}
          {events.nextCursor ? (
            <OlderPageLink href={hrefFor({ cursor: events.nextCursor })}>
              Older events
            </OlderPageLink>
          ) : null}
        </div>
      </nav>
    </>
  );
}
