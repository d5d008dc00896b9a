'use client';

import { format, formatDistanceStrict, parseISO } from 'date-fns';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

const LONG_FORMAT = "MMMM d, yyyy 'at' h:mm a";

/** The same wall-clock words in UTC, whatever zone this process runs in. */
function inUtc(date: Date): string {
  return `${format(new Date(date.getTime() + date.getTimezoneOffset() * 60_000), LONG_FORMAT)} UTC`;
}

/**
 * An instant as "March 3, 2026 at 2:15 PM" in the reader's own time zone, and how long ago.
 * The server does not know that zone, so the first paint (and the no-JavaScript page) says the
 * time in UTC, in the same words, so that the local time replacing it is as long and moves
 * nothing around it.
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
  const absolute = isClient ? format(date, LONG_FORMAT) : inUtc(date);
  const now = new Date();
  const relative =
    Math.abs(now.getTime() - date.getTime()) < 60_000
      ? 'just now'
      : formatDistanceStrict(date, now, { addSuffix: true });
  return (
    <time dateTime={iso}>
      {absolute}
      {withRelative ? (
        // The server's clock and the browser's may fall either side of a minute.
        <span className="text-slate-600" suppressHydrationWarning>{` (${relative})`}</span>
      ) : null}
    </time>
  );
}
