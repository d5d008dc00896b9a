'use client';

import { format, formatDistanceStrict, parseISO } from 'date-fns';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * An instant as "March 3, 2026 at 2:15 PM" in the reader's own time zone, and how long ago.
 * The server does not know that zone, so the first paint (and the no-JavaScript page) says the
 * time in UTC; the browser then shows its local time.
 */
export function LocalDateTime({
  iso,
  withRelative = true,
}: {
  iso: string;
  withRelative?: boolean;
}) {
  const isClient = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const date = parseISO(iso);
  const absolute = isClient
    ? format(date, "MMMM d, yyyy 'at' h:mm a")
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const now = new Date();
  const relative =
    Math.abs(now.getTime() - date.getTime()) < 60_000
      ? 'just now'
      : formatDistanceStrict(date, now, { addSuffix: true });
  return (
    <time dateTime={iso}>
      {absolute}
      {withRelative && isClient ? <span className="text-slate-600"> ({relative})</span> : null}
    </time>
  );
}
