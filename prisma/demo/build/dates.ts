// Dates for the builders: calendar dates as `@db.Date` stores them, and recording times.
import { randomBytes } from 'node:crypto';

/** The calendar date of `date` in local time, as a UTC-midnight Date (what `@db.Date` stores). */
export function dateOnly(date: Date = new Date()): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

/** The calendar date `offset` days from today (negative: in the past), as `dateOnly` gives it. */
export function daysFromToday(offset: number, today: Date = new Date()): Date {
  const base = dateOnly(today);
  return new Date(base.getTime() + offset * 86_400_000);
}

/** A moment on a calendar date (from `dateOnly`), at the given local-agnostic UTC hour. */
export function atHour(day: Date, hour: number, minute = 0): Date {
  return new Date(day.getTime() + (hour * 60 + minute) * 60_000);
}

export function suffix(): string {
  return randomBytes(4).toString('hex');
}

// Timestamps recorded within the same millisecond would tie; keep default ones strictly rising.
let lastStamp = 0;
export function nextStamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}
