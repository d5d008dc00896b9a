'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * When a visit starts, "Tuesday, December 1 at 10:00 AM", in the reader's own time zone (the
 * browser's); with `endsAt`, "… to 10:50 AM". The server does not know that zone, so the first
 * paint says the time in UTC, and says so.
 */
export function VisitTime({ startsAt, endsAt }: { startsAt: string; endsAt?: string }) {
  const isClient = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const zone = isClient ? undefined : 'UTC';
  const day = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: zone,
  }).format(new Date(startsAt));
  const clock = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    ...(isClient ? {} : { timeZoneName: 'short' }),
  });
  return (
    <time dateTime={startsAt}>
      {day} at {clock.format(new Date(startsAt))}
      {endsAt ? <> to {clock.format(new Date(endsAt))}</> : null}
    </time>
  );
}
