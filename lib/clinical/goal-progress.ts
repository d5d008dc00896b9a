// Progress toward a measurable goal, from the values recorded for it. Pure: no I/O; the bounded
// queries that fetch the values are in lib/data/treatment-plans.ts.
//
// - PHQ-9 and GAD-7 goals use each completed assessment (basis `assessment`).
// - A personal measure is recorded once a day in the check-in. When its unit is a rate per week
//   ("per week", "a week", "/week", "weekly"), the patient reports each day's count and progress
//   uses the sum of the last 7 days (today and the 6 days before), week by week backwards (basis
//   `weekly`; a week without any report has no value, rather than counting as zero). Any other
//   unit ("minutes", "hours", "count") is a daily value (basis `daily`).
// - The trend compares the mean of the later half of the last few values with the mean of the
//   earlier half: beyond the tolerance in the goal's direction it is improving, beyond it the
//   other way worsening, otherwise steady. Fewer than two values: no trend.
import type { GoalProgress, MeasureDirection, MeasureKind } from '@/lib/schemas/treatment-plan';
import { addDays } from '@/lib/calendar-date';

/** How many values the trend looks at. */
export const TREND_POINTS = 6;
/** How many weeks back a weekly measure is summed. */
export const WEEKS_SHOWN = 4;
/** How many daily values or assessments the progress carries (for a small chart). */
export const POINTS_SHOWN = 12;

/** A score moves by at least this much before the trend calls it a change. */
const SCORE_TOLERANCE = 3;

export type MeasurableGoal = {
  goalKey: string;
  measureKind: MeasureKind;
  measureUnit: string | null;
  direction: MeasureDirection | null;
  targetValue: number | null;
};

/** One recorded value: `on` is the calendar date `YYYY-MM-DD`. */
export type MeasuredValue = { on: string; value: number };

const WEEKLY_UNIT = /\b(per|a|each|every)\s+week\b|\/\s*w(ee)?k\b|\bweekly\b/i;

/** Whether a personal measure's unit is a rate per week (its daily values are summed). */
export function isWeeklyUnit(unit: string | null): boolean {
  return unit !== null && WEEKLY_UNIT.test(unit);
}

/** Whether a goal has a measure and a target, so progress can be computed. */
export function isMeasurable(goal: MeasurableGoal): boolean {
  return goal.measureKind !== 'NONE' && goal.targetValue !== null;
}

/**
 * Weekly sums of daily values: the week ending `today` and the WEEKS_SHOWN - 1 before it, oldest
 * first; a week without any value is left out.
 */
export function weeklySums(values: readonly MeasuredValue[], today: string): MeasuredValue[] {
  const sums: MeasuredValue[] = [];
  for (let week = WEEKS_SHOWN - 1; week >= 0; week -= 1) {
    const last = addDays(today, -7 * week);
    const first = addDays(last, -6);
    // ISO dates compare as strings.
    const inWeek = values.filter((v) => v.on >= first && v.on <= last);
    if (inWeek.length === 0) continue;
    sums.push({ on: last, value: inWeek.reduce((sum, v) => sum + v.value, 0) });
  }
  return sums;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function tolerance(goal: MeasurableGoal): number {
  if (goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7') return SCORE_TOLERANCE;
  return Math.max(Math.abs(goal.targetValue ?? 0) * 0.1, 0.5);
}

/** improving, steady or worsening over the last TREND_POINTS values (oldest first). */
export function trendOf(
  goal: MeasurableGoal,
  points: readonly MeasuredValue[],
): GoalProgress['trend'] {
  const recent = points.slice(-TREND_POINTS).map((p) => p.value);
  if (recent.length < 2) return null;
  const later = Math.floor(recent.length / 2);
  const delta = mean(recent.slice(-later)) - mean(recent.slice(0, recent.length - later));
  if (Math.abs(delta) < tolerance(goal)) return 'steady';
  const better = goal.direction === 'AT_LEAST' ? delta > 0 : delta < 0;
  return better ? 'improving' : 'worsening';
}

/** Whether a value reaches the goal's target in its direction. */
export function meetsTarget(goal: MeasurableGoal, value: number): boolean | null {
  if (goal.targetValue === null) return null;
  return goal.direction === 'AT_LEAST' ? value >= goal.targetValue : value <= goal.targetValue;
}

/**
 * Progress toward one goal from its values (any order; for a personal measure, one per day).
 * `today` (`YYYY-MM-DD`) closes the weekly windows.
 */
export function goalProgress(
  goal: MeasurableGoal,
  values: readonly MeasuredValue[],
  today: string,
): GoalProgress {
  const sorted = [...values].sort((a, b) => a.on.localeCompare(b.on));
  const weekly = goal.measureKind === 'PERSONAL' && isWeeklyUnit(goal.measureUnit);
  const basis = goal.measureKind === 'PERSONAL' ? (weekly ? 'weekly' : 'daily') : 'assessment';
  const points = (weekly ? weeklySums(sorted, today) : sorted).slice(-POINTS_SHOWN);
  const latest = points.at(-1) ?? null;
  return {
    goalKey: goal.goalKey,
    basis,
    latest,
    met: latest ? meetsTarget(goal, latest.value) : null,
    trend: trendOf(goal, points),
    points,
  };
}
