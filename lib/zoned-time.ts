// Wall-clock time in a person's IANA time zone, with Intl alone (no time-zone library): what the
// reminders, the digest hour and quiet hours are read in. Pure; an unknown zone reads as UTC, so
// one bad stored zone cannot stop a tick for everybody.

export type WallClock = {
  /** `YYYY-MM-DD`, the local calendar date. */
  date: string;
  /** 0–23 */
  hour: number;
  /** 0–59 */
  minute: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      formatter = formatterFor('UTC');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsOf(timeZone: string, at: Date) {
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second'),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The numbers of a `YYYY-MM-DD`. */
function ymd(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** The wall clock in `timeZone` at `at`. */
export function wallClock(timeZone: string, at: Date): WallClock {
  const p = partsOf(timeZone, at);
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    hour: p.hour,
    minute: p.minute,
  };
}

/** Milliseconds `timeZone` is ahead of UTC at `at` (negative west of Greenwich). */
function offsetAt(timeZone: string, at: Date): number {
  const p = partsOf(timeZone, at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` reads `date` (`YYYY-MM-DD`) at `hour:minute`. A time
 * the clocks skip (spring forward) lands an hour later; a time that happens twice (fall back),
 * on its first occurrence.
 */
export function zonedInstant(timeZone: string, date: string, hour: number, minute = 0): Date {
  const [year, month, day] = ymd(date);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(timeZone, new Date(wall));
  const second = wall - offsetAt(timeZone, new Date(first));
  // Both read `wall` around a fall-back: the earlier. Neither does in a skipped hour: the later.
  const [earlier, later] = [Math.min(first, second), Math.max(first, second)];
  const reads = (t: number) => {
    const clock = wallClock(timeZone, new Date(t));
    return clock.date === date && clock.hour === hour && clock.minute === minute;
  };
  return new Date(reads(earlier) ? earlier : later);
}

/** The calendar date `days` after `date` (`YYYY-MM-DD`). */
export function nextDate(date: string, days = 1): string {
  const [year, month, day] = ymd(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Minutes since midnight of `HH:MM`. */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When quiet hours `start`–`end` (`HH:MM` in `timeZone`, across midnight when `end` is earlier)
 * hold `at`: the instant they end. Null when `at` is outside them.
 */
export function quietHoursEnd(
  timeZone: string,
  quiet: { start: string; end: string } | null,
  at: Date,
): Date | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const clock = wallClock(timeZone, at);
  const now = clock.hour * 60 + clock.minute;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  // Ends today when the end is still ahead on today's clock, else tomorrow.
  const endDate = now < end ? clock.date : nextDate(clock.date);
  return zonedInstant(timeZone, endDate, Math.floor(end / 60), end % 60);
}
