'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ApiProblem, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { NotificationCounts } from '@/lib/schemas/live';

const COUNTS_PATH = '/api/v1/notifications/counts';
const STREAM_PATH = '/api/v1/notifications/stream';
/** While the stream is down, the counts are fetched this often instead. */
export const FALLBACK_REFRESH_MS = 10_000;

/** "Inbox, 3 unread, 1 urgent": the link's whole name for a screen reader. */
export function inboxLabel(counts: NotificationCounts | undefined): string {
  if (!counts) return 'Inbox';
  const unread = counts.unread === 0 ? 'no unread' : `${counts.unread} unread`;
  return counts.urgent > 0 ? `Inbox, ${unread}, ${counts.urgent} urgent` : `Inbox, ${unread}`;
}

/** What the polite live region says when the counts rise, or null when nothing new arrived. */
export function arrivalAnnouncement(
  before: NotificationCounts | undefined,
  now: NotificationCounts,
): string | null {
  if (!before) return null;
  if (now.urgent > before.urgent) {
    return `Urgent: ${now.urgent} urgent ${now.urgent === 1 ? 'item' : 'items'} in your inbox.`;
  }
  if (now.unread > before.unread) return `New in your inbox: ${now.unread} unread.`;
  return null;
}

type StreamState = 'connecting' | 'open' | 'down' | 'closed';

/**
 * Keeps the counts current from the live stream: each `counts` event replaces the query's data.
 * While the stream is down the query refetches every 10 s instead; a stream closed for good (its
 * session had ended) is opened again after the next successful fetch.
 */
function useLiveCounts() {
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<StreamState>(() =>
    typeof EventSource === 'undefined' ? 'down' : 'connecting',
  );
  const [attempt, setAttempt] = useState(0);
  const current = useRef(stream);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(STREAM_PATH);
    const set = (state: StreamState) => {
      current.current = state;
      setStream(state);
    };
    source.addEventListener('counts', (event) => {
      queryClient.setQueryData(queryKeys.notifications.counts, JSON.parse(event.data));
      set('open');
    });
    source.onerror = () => set(source.readyState === EventSource.CLOSED ? 'closed' : 'down');
    return () => source.close();
  }, [queryClient, attempt]);
  // Whatever the person changes in this tab (acknowledging a flag, reading an item) may change
  // their own counts, and nobody notifies the actor of their own act: read them again.
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.counts });
        }
      }),
    [queryClient],
  );
  const query = useQuery({
    queryKey: queryKeys.notifications.counts,
    queryFn: async ({ signal }) => {
      const counts = await apiFetch<NotificationCounts>(COUNTS_PATH, { signal, background: true });
      if (current.current === 'closed') setAttempt((n) => n + 1);
      return counts;
    },
    staleTime: Infinity,
    retry: false,
    refetchInterval: (q) => {
      if (stream === 'open' || stream === 'connecting') return false;
      const error = q.state.error;
      return error instanceof ApiProblem && error.status === 401 ? false : FALLBACK_REFRESH_MS;
    },
  });
  return query.data;
}

/** The polite announcement of the latest rise, kept as state beside the counts it was made for. */
function useArrivalAnnouncement(data: NotificationCounts | undefined): string {
  const [seen, setSeen] = useState<{ counts?: NotificationCounts; said: string }>({ said: '' });
  if (data && data !== seen.counts) {
    setSeen({ counts: data, said: arrivalAnnouncement(seen.counts, data) ?? seen.said });
  }
  return seen.said;
}

/**
 * The header's link to the inbox with the unread count, red with "1 urgent" while an urgent item's
 * flag is unacknowledged, announced politely when it rises. Its requests are never a person's:
 * they neither renew the session nor ask to sign in again.
 */
export function InboxBadge() {
  const data = useLiveCounts();
  const announcement = useArrivalAnnouncement(data);
  const isUrgent = (data?.urgent ?? 0) > 0;
  return (
    <>
      <Link
        href="/inbox"
        aria-label={inboxLabel(data)}
        data-urgent={isUrgent ? 'true' : undefined}
        className={`inline-flex shrink-0 items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm font-medium ${
          isUrgent
            ? 'border-red-700 bg-red-50 text-red-800 hover:bg-red-100'
            : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M3 4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V4Zm2 0v7h3a2 2 0 0 0 4 0h3V4H5Z" />
        </svg>
        <span className="hidden sm:inline">Inbox</span>
        {data && data.unread > 0 ? (
          <span
            className={`rounded-full px-1.5 text-xs font-semibold text-white ${
              isUrgent ? 'bg-red-700' : 'bg-teal-700'
            }`}
          >
            {data.unread}
          </span>
        ) : null}
        {isUrgent ? <span className="text-xs font-semibold">{data!.urgent} urgent</span> : null}
      </Link>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
