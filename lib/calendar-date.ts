// Calendar dates as `YYYY-MM-DD` strings: what Postgres `date` columns hold (read back as UTC
// midnight), compared and shifted by whole days in UTC, so no server time zone or DST moves them.

const DAY_MS = 86_400_000;

/** The UTC-midnight Date of a `YYYY-MM-DD`, as Prisma reads and writes a `date` column. */
export function fromIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** The `YYYY-MM-DD` of a Date, in UTC: a `date` column's value whatever the server's zone. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar date `days` after (or, negative, before) `iso`. */
export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(fromIsoDate(iso).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((fromIsoDate(to).getTime() - fromIsoDate(from).getTime()) / DAY_MS);
}
