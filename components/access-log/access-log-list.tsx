'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { AccessLogItem } from '@/components/access-log/access-log-entry';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { apiFetch, isBackgroundFetch, problemMessage, queryString } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { AccessLogPage } from '@/lib/schemas/access-log';

/**
 * Every access to the patient's record, newest first. The first page comes from the server;
 * "Show older" fetches the next page from the API and appends it, then moves focus to the first
 * entry it added so a keyboard or screen-reader user reads on from there.
 */
export function AccessLogList({
  patientId,
  firstPage,
}: {
  patientId: string;
  firstPage: AccessLogPage;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const { query, entries, announcement, showOlder } = useAccessLog(patientId, firstPage, listRef);

  if (entries.length === 0) {
    return (
      <EmptyState title="No one has opened your record yet">
        <p>
          When anyone at your clinic looks at or changes your record, you will see it here, with
          their name and the date and time.
        </p>
      </EmptyState>
    );
  }

  return (
    <div>
      <ol ref={listRef} className="divide-y divide-slate-200">
        {entries.map((entry) => (
          <AccessLogItem key={entry.id} entry={entry} />
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div role="alert">
        {query.isFetchNextPageError ? (
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
            We could not load older entries. {problemMessage(query.error)}
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
            {query.isFetchingNextPage ? 'Loading older entries…' : 'Show older'}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">That is everything: there is nothing older.</p>
        )}
      </div>
    </div>
  );
}

/**
 * The log, page by page: "Show older" announces what it added and focuses the first of it. Each
 * read of the log is itself audited, so it is never refetched behind the reader's back.
 */
function useAccessLog(
  patientId: string,
  firstPage: AccessLogPage,
  listRef: RefObject<HTMLOListElement | null>,
) {
  const [announcement, setAnnouncement] = useState('');
  const query = useInfiniteQuery({
    queryKey: queryKeys.patients.accessLog(patientId),
    queryFn: ({ pageParam, signal, ...context }) =>
      apiFetch<AccessLogPage>(
        `/api/v1/patients/${encodeURIComponent(patientId)}/access-log${queryString({ cursor: pageParam })}`,
        { signal, background: isBackgroundFetch(context) },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
    staleTime: Infinity,
  });

  const entries = query.data.pages.flatMap((page) => page.items);

  // The index of the first entry "Show older" added, focused once it is on the page.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const firstNew = listRef.current?.children.item(focusIndex);
    if (firstNew instanceof HTMLElement) firstNew.focus();
  }, [focusIndex, entries.length, listRef]);

  async function showOlder() {
    const before = entries.length;
    const result = await query.fetchNextPage();
    if (result.isError) return;
    const after = result.data?.pages.flatMap((page) => page.items).length ?? before;
    const added = after - before;
    setAnnouncement(
      added === 0
        ? 'There is nothing older.'
        : `Showing ${added} older ${added === 1 ? 'entry' : 'entries'}.`,
    );
    if (added > 0) setFocusIndex(before);
  }

  return { query, entries, announcement, showOlder };
}
