// How the day's pages read dates and times: on the viewer's own clock (User.timeZone), computed on
// the server so the first paint already shows the right day. Pure.
import { nextDate, wallClock, zonedInstant } from '@/lib/zoned-time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `?date=` when it is a real calendar date, else today on `timeZone`'s clock. */
export function dayParam(
  value: string | string[] | undefined,
  timeZone: string,
  now: Date,
): string {
  if (typeof value === 'string' && DATE.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value)
      return value;
  }
  return wallClock(timeZone, now).date;
}

/** The instants a run of `days` local days starting on `date` covers on `timeZone`'s clock. */
export function daySpan(timeZone: string, date: string, days = 1): { from: Date; to: Date } {
  return {
    from: zonedInstant(timeZone, date, 0),
    to: zonedInstant(timeZone, nextDate(date, days), 0),
  };
}

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return nextDate(date, -((weekday + 6) % 7));
}

function format(iso: string | Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso;
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(at);
  }
}

/** "9:00 AM" on the viewer's clock. */
export function timeOf(iso: string, timeZone: string): string {
  return format(iso, timeZone, { hour: 'numeric', minute: '2-digit' });
}

/** "Thursday, December 3, 2026" for a local calendar date. */
export function longDay(date: string): string {
  return format(`${date}T12:00:00Z`, 'UTC', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

/** "Thu, Dec 3" for a local calendar date. */
export function shortDay(date: string): string {
  return format(`${date}T12:00:00Z`, 'UTC', { weekday: 'short', month: 'short', day: 'numeric' });
}

/** The local calendar date of an instant on `timeZone`'s clock. */
export function localDate(iso: string, timeZone: string): string {
  return wallClock(timeZone, new Date(iso)).date;
}

/** The zone's short name at that moment ("EST"), so nobody misreads the clock. */
export function zoneName(timeZone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      timeZoneName: 'short',
    }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return 'UTC';
  }
}
