// Recurring visits (docs/decisions/026-appointments.md): the RRULE is expanded with the `rrule`
// library on the series' wall clock ("floating" times), then each local date and time becomes an
// instant in the series' time zone, so a weekly 10:00 stays 10:00 across daylight-saving changes.
// Pure, no 'server-only': the demo seed books its series through it.
import * as rrule from 'rrule';
import { InvalidInputError } from '@/lib/errors';
import { MAX_OCCURRENCES, type AppointmentRepeat } from '@/lib/schemas/appointments';
import { nextDate, wallClock, zonedInstant } from '@/lib/zoned-time';

// rrule 2.8 ships CommonJS beside an ESM build Node cannot read as ESM: under plain Node (the
// seed, tsx) its names arrive on the default export; bundled (Next.js, Vitest) as named exports.
const { RRule } =
  'RRule' in rrule ? rrule : (rrule as unknown as { default: typeof rrule }).default;

/** A wall-clock moment written as if it were UTC (what RRule reads as floating time). */
const floating = (date: string, hour: number, minute: number) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

function ruleOf(first: Date, timeZone: string, repeat: AppointmentRepeat): rrule.RRule {
  const local = wallClock(timeZone, first);
  return new RRule({
    freq: RRule.WEEKLY,
    interval: repeat.frequency === 'BIWEEKLY' ? 2 : 1,
    dtstart: floating(local.date, local.hour, local.minute),
    ...(repeat.count !== undefined
      ? { count: repeat.count }
      : // Inclusive: any start on the `until` date, on the series' clock.
        { until: floating(repeat.until!, 23, 59) }),
  });
}

/**
 * The starts of a series whose first visit starts at `first`, repeating by `repeat` on the wall
 * clock of `timeZone`: `first` itself, then each following week (or second week) at the same local
 * time. A local time the clocks skip lands an hour later (lib/zoned-time.ts). More than
 * MAX_OCCURRENCES visits, or an `until` before the first visit: InvalidInputError (400).
 */
export function occurrenceStarts(first: Date, timeZone: string, repeat: AppointmentRepeat): Date[] {
  if (repeat.until !== undefined && repeat.until < wallClock(timeZone, first).date) {
    throw InvalidInputError.field(
      'repeat.until',
      'Choose an end date on or after the first visit.',
    );
  }
  const starts = ruleOf(first, timeZone, repeat).all((_, index) => index <= MAX_OCCURRENCES);
  if (starts.length > MAX_OCCURRENCES) {
    throw InvalidInputError.field(
      'repeat.until',
      `That makes more than ${MAX_OCCURRENCES} visits: choose an earlier end date.`,
    );
  }
  return starts.map((start) =>
    zonedInstant(
      timeZone,
      start.toISOString().slice(0, 10),
      start.getUTCHours(),
      start.getUTCMinutes(),
    ),
  );
}

/**
 * The series' RRULE value as RFC 5545 writes it (`FREQ=WEEKLY;INTERVAL=2;COUNT=6`), read with a
 * DTSTART in `timeZone`; UNTIL, in UTC as the RFC requires, is the end of the `until` date there.
 */
export function rruleText(timeZone: string, repeat: AppointmentRepeat): string {
  const until =
    repeat.until !== undefined
      ? new Date(zonedInstant(timeZone, nextDate(repeat.until), 0).getTime() - 1000)
      : undefined;
  return RRule.optionsToString({
    freq: RRule.WEEKLY,
    interval: repeat.frequency === 'BIWEEKLY' ? 2 : 1,
    ...(repeat.count !== undefined ? { count: repeat.count } : { until }),
  }).replace(/^RRULE:/, '');
}

/** The frequency and interval of a stored RRULE value, with its COUNT or UNTIL. */
function parseRule(text: string) {
  const options = RRule.parseString(text);
  return {
    freq: options.freq ?? RRule.WEEKLY,
    interval: options.interval ?? 1,
    count: options.count ?? null,
    until: options.until ?? null,
  };
}

const ruleText = (options: Partial<rrule.Options>) =>
  RRule.optionsToString(options).replace(/^RRULE:/, '');

/**
 * A series split at one of its visits ("this and the following"), the part that stays: the rule
 * now ends before `cut` (that visit's start): COUNT becomes `kept`, the visits before it; an UNTIL
 * becomes the second before `cut`.
 */
export function rruleEndingBefore(text: string, kept: number, cut: Date): string {
  const rule = parseRule(text);
  return ruleText({
    freq: rule.freq,
    interval: rule.interval,
    ...(rule.count !== null
      ? { count: Math.max(1, kept) }
      : { until: new Date(cut.getTime() - 1000) }),
  });
}

/**
 * The rule of the part split off: the same frequency, COUNT the `moved` visits it takes; an UNTIL
 * is kept, or pushed to `last` (the start of its last visit) when a move went past it.
 */
export function rruleOfSplit(text: string, moved: number, last: Date): string {
  const rule = parseRule(text);
  return ruleText({
    freq: rule.freq,
    interval: rule.interval,
    ...(rule.count !== null
      ? { count: Math.max(1, moved) }
      : { until: rule.until && rule.until >= last ? rule.until : last }),
  });
}

/** Milliseconds of a wall-clock reading of `at` in `timeZone`, counted as if it were UTC. */
function floatingMs(timeZone: string, at: Date): number {
  const clock = wallClock(timeZone, at);
  return Date.parse(`${clock.date}T00:00:00Z`) + (clock.hour * 60 + clock.minute) * 60_000;
}

/**
 * `at` moved by `shiftMs` on the wall clock of `timeZone` (not by elapsed time): 10:00 moved by a
 * day and an hour is 11:00 the next day there, across a daylight-saving change too. A local time
 * the clocks skip lands an hour later (lib/zoned-time.ts).
 */
export function shiftOnWallClock(timeZone: string, at: Date, shiftMs: number): Date {
  const target = new Date(floatingMs(timeZone, at) + shiftMs);
  return zonedInstant(
    timeZone,
    target.toISOString().slice(0, 10),
    target.getUTCHours(),
    target.getUTCMinutes(),
  );
}

/** The wall-clock distance from `from` to `to` on the clock of `timeZone` (a move's shift). */
export function wallClockShift(timeZone: string, from: Date, to: Date): number {
  return floatingMs(timeZone, to) - floatingMs(timeZone, from);
}
