'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { AccessLogVisitItem } from '@/components/access-log/access-log-visit';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { apiFetch, isBackgroundFetch, problemMessage, queryString } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { AccessLogPeriod, AccessLogVisitPage } from '@/lib/schemas/access-log';

type Filters = { person?: string; period: AccessLogPeriod };

/**
 * The visits to the patient's record, newest first, within the page's filters. The first page
 * comes from the server; "Show older" fetches the next page from the API and appends it, then
 * moves focus to the first visit it added so a keyboard or screen-reader user reads on from there.
 */
export function AccessLogList({
  patientId,
  firstPage,
  filters,
  timeZone,
}: {
  patientId: string;
  firstPage: AccessLogVisitPage;
  filters: Filters;
  timeZone: string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const { query, visits, announcement, showOlder } = useVisits(
    patientId,
    filters,
    firstPage,
    listRef,
  );

  if (visits.length === 0)
    return <NoVisits filtered={filters.person !== undefined || filters.period !== 'all'} />;

  return (
    <div>
      <ol ref={listRef} aria-labelledby="access-log-heading" className="divide-y divide-slate-200">
        {visits.map((visit) => (
          <AccessLogVisitItem
            key={visit.id}
            patientId={patientId}
            visit={visit}
            timeZone={timeZone}
          />
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div role="alert">
        {query.isFetchNextPageError ? (
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
            We could not load older visits. {problemMessage(query.error)}
          </p>
        ) : null}
      </div>
      <div className="mt-4 border-t border-slate-200 pt-4">
        {query.hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => void showOlder()}
            disabled={query.isFetchingNextPage}
            aria-busy={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading older visits…' : 'Show older'}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">That is everything: there is nothing older.</p>
        )}
      </div>
    </div>
  );
}

function NoVisits({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState title="No visits match">
        <p>No one matching your choice opened your record in that time.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No one has opened your record yet">
      <p>
        When anyone at your clinic looks at or changes your record, you will see it here, with their
        name and the date and time.
      </p>
    </EmptyState>
  );
}

/**
 * The visits, page by page: "Show older" announces what it added and focuses the first of it.
 * Each read of the log is itself audited, so it is never refetched behind the reader's back.
 */
function useVisits(
  patientId: string,
  filters: Filters,
  firstPage: AccessLogVisitPage,
  listRef: RefObject<HTMLOListElement | null>,
) {
  const [announcement, setAnnouncement] = useState('');
  const query = useInfiniteQuery({
    queryKey: [...queryKeys.patients.accessLog(patientId), 'visits', filters],
    queryFn: ({ pageParam, signal, ...context }) =>
      apiFetch<AccessLogVisitPage>(
        `/api/v1/patients/${encodeURIComponent(patientId)}/access-log/visits${queryString({ ...filters, cursor: pageParam })}`,
        { signal, background: isBackgroundFetch(context) },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
    staleTime: Infinity,
  });

  const visits = query.data.pages.flatMap((page) => page.items);

  // The index of the first visit "Show older" added, focused once it is on the page.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const firstNew = listRef.current?.children.item(focusIndex);
    if (firstNew instanceof HTMLElement) firstNew.focus();
  }, [focusIndex, visits.length, listRef]);

  async function showOlder() {
    const before = visits.length;
    const result = await query.fetchNextPage();
    if (result.isError) return;
    const after = result.data?.pages.flatMap((page) => page.items).length ?? before;
    const added = after - before;
    setAnnouncement(
      added === 0
        ? 'There is nothing older.'
        : `Showing ${added} older ${added === 1 ? 'visit' : 'visits'}.`,
    );
    if (added > 0) setFocusIndex(before);
  }

  return { query, visits, announcement, showOlder };
}
