import { localDate, longDay, timeOf, zoneName } from '@/lib/visit-time';

/**
 * When a visit is, "Tuesday, December 1, 2026 at 10:00 AM EST" (with `endsAt`, "… to 10:50 AM"),
 * on the reader's own clock (User.timeZone), the same as the reminders and the clinician's day.
 */
export function VisitTime({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: string;
  endsAt?: string;
  timeZone: string;
}) {
  return (
    <time dateTime={startsAt}>
      {longDay(localDate(startsAt, timeZone))} at {timeOf(startsAt, timeZone)}
      {endsAt ? <> to {timeOf(endsAt, timeZone)}</> : null} {zoneName(timeZone, new Date(startsAt))}
    </time>
  );
}
