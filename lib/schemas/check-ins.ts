import { z } from 'zod';
import { SEVERITIES } from '@/lib/schemas/enums';

export { SEVERITIES } from '@/lib/schemas/enums';
import { flagRepeats, freeText, Id, IsoDate, IsoDateTime, singleLine } from '@/lib/schemas/common';
import { TREND_PERIODS, CHECK_IN_NOTE_MAX } from '@/lib/schemas/check-ins-values';
export { TREND_PERIODS, CHECK_IN_NOTE_MAX };

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** At most this many side effects, and this many personal measures, in one check-in. */
export const CHECK_IN_LIST_MAX = 20;

const scale = (min: number, max: number) =>
  z
    .int({ message: `Must be a whole number from ${min} to ${max}.` })
    .min(min, { message: `Must be from ${min} to ${max}.` })
    .max(max, { message: `Must be from ${min} to ${max}.` });

/** One side effect the patient noticed today, picked from what to watch for or typed in. */
export const SideEffectInput = z.strictObject({
  name: singleLine(80),
  severity: Severity,
});
export type SideEffectInput = z.infer<typeof SideEffectInput>;

/** Today's value of one personal measure of the plan (by the goal's stable goalKey). */
export const MeasureInput = z.strictObject({
  goalKey: Id,
  value: z
    .number({ message: 'Enter a number.' })
    .min(0, { message: 'Must be 0 or more.' })
    .max(100_000, { message: 'Must be 100,000 or less.' }),
});
export type MeasureInput = z.infer<typeof MeasureInput>;

/**
 * POST /api/v1/patients/{patientId}/check-ins: the patient's check-in for their own calendar day
 * (`localDate`, within a day of the server's date). Only mood is required. A second check-in on
 * the same day replaces the first (its side effects and measures too).
 */
export const CheckInInput = z
  .strictObject({
    localDate: IsoDate,
    mood: scale(0, 10),
    sleepHours: z
      .number({ message: 'Enter hours as a number.' })
      .min(0, { message: 'Must be from 0 to 24 hours.' })
      .max(24, { message: 'Must be from 0 to 24 hours.' })
      .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, {
        message: 'Use at most one decimal place.',
      })
      .nullable()
      .optional(),
    sleepQuality: scale(1, 5).nullable().optional(),
    appetite: scale(1, 5).nullable().optional(),
    energy: scale(1, 5).nullable().optional(),
    focus: scale(1, 5).nullable().optional(),
    sideEffects: z.array(SideEffectInput).max(CHECK_IN_LIST_MAX).default([]),
    measures: z.array(MeasureInput).max(CHECK_IN_LIST_MAX).default([]),
    note: freeText(CHECK_IN_NOTE_MAX).nullable().optional(),
  })
  .superRefine(({ sideEffects, measures }, ctx) => {
    const twice = (what: string) => `This ${what} is listed twice.`;
    const sideEffectName = (effect: { name: string }) => effect.name.toLowerCase();
    flagRepeats(ctx, sideEffects, ['sideEffects', 'name'], sideEffectName, twice('side effect'));
    flagRepeats(ctx, measures, ['measures', 'goalKey'], (m) => m.goalKey, twice('measure'));
  });
export type CheckInInput = z.input<typeof CheckInInput>;
export type CheckInData = z.output<typeof CheckInInput>;

/** A check-in as the API returns it. */
export const CheckIn = z.object({
  id: Id,
  localDate: IsoDate,
  mood: z.number().int(),
  sleepHours: z.number().nullable(),
  sleepQuality: z.number().int().nullable(),
  appetite: z.number().int().nullable(),
  energy: z.number().int().nullable(),
  focus: z.number().int().nullable(),
  note: z.string().nullable(),
  sideEffects: z.array(z.object({ name: z.string(), severity: Severity })),
  measures: z.array(
    z.object({
      goalKey: Id,
      name: z.string().nullable(),
      unit: z.string().nullable(),
      value: z.number(),
    }),
  ),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type CheckIn = z.infer<typeof CheckIn>;

/** The longest range one GET returns (one check-in a day at most). */
export const CHECK_IN_RANGE_MAX_DAYS = 366;

/**
 * GET /api/v1/patients/{patientId}/check-ins query: check-ins with `localDate` from `from` to
 * `to` (inclusive), newest first; default the last 30 days; at most 366 days.
 */
export const CheckInListQuery = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['from'],
    message: 'Must be on or before `to`.',
  });
export type CheckInListQuery = z.infer<typeof CheckInListQuery>;

export const CheckInList = z.object({ items: z.array(CheckIn), from: IsoDate, to: IsoDate });
export type CheckInList = z.infer<typeof CheckInList>;

/** POST answer: the check-in, and whether it replaced an earlier one of the same day. */
export const CheckInResult = z.object({ checkIn: CheckIn, updated: z.boolean() });
export type CheckInResult = z.infer<typeof CheckInResult>;

export type TrendPeriod = (typeof TREND_PERIODS)[number];

/** A `?days=` value as a trend period; 90 when absent or not one of the periods. */
export function trendPeriod(value: string | string[] | undefined): TrendPeriod {
  const days = Number(Array.isArray(value) ? value[0] : value);
  return (TREND_PERIODS as readonly number[]).includes(days) ? (days as TrendPeriod) : 90;
}
