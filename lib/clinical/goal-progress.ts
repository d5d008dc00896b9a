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
    sums.push({ on: last, value: withoutFloatNoise(inWeek.reduce((sum, v) => sum + v.value, 0)) });
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

/**
 * Whether a value reaches the goal's target in its direction, exactly: 19.1 is not "at least 20".
 * Only a floating-point sum's last-digit noise (0.1 + 0.2) is absorbed, never a real difference.
 */
export function meetsTarget(
  goal: Pick<MeasurableGoal, 'direction' | 'targetValue'>,
  value: number,
): boolean | null {
  if (goal.targetValue === null) return null;
  const v = withoutFloatNoise(value);
  return goal.direction === 'AT_LEAST' ? v >= goal.targetValue : v <= goal.targetValue;
}

function withoutFloatNoise(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * A measured value as shown next to its target: at most one decimal, unless rounding would put
 * it on the other side of the target (19.96 of "at least 20" shows 19.96, never 20).
 */
export function measureValueText(
  goal: Pick<MeasurableGoal, 'direction' | 'targetValue'>,
  value: number,
): string {
  const exact = withoutFloatNoise(value);
  const met = meetsTarget(goal, exact);
  for (let digits = 1; digits <= 9; digits += 1) {
    const shown = Number(exact.toFixed(digits));
    if (meetsTarget(goal, shown) === met) return String(shown);
  }
  return String(exact);
}

/**
 * What a goal's badge says, the same on every screen:
 * - `paused`, `stopped`: the clinicians' decision, whatever the values say;
 * - `reached`: marked achieved, or its latest value meets the target;
 * - `slipped`: marked achieved, but its latest value no longer meets the target;
 * - `past-target-date`: not reached and its target date has gone by;
 * - `no-values`: it has a measure and a target but nothing measured yet;
 * - `on-track`: not reached yet, and its values are moving the right way;
 * - `working-on-it`: anything else still active.
 */
export const DISPLAYED_GOAL_STATUSES = [
  'reached',
  'slipped',
  'on-track',
  'working-on-it',
  'past-target-date',
  'no-values',
  'paused',
  'stopped',
] as const;
export type DisplayedGoalStatus = (typeof DISPLAYED_GOAL_STATUSES)[number];

export type StatusGoal = {
  status: 'ACTIVE' | 'ACHIEVED' | 'PAUSED' | 'DISCONTINUED';
  measureKind: MeasureKind;
  direction: MeasureDirection | null;
  targetValue: number | null;
  /** `YYYY-MM-DD` or null. */
  targetDate: string | null;
};

/**
 * The one displayed status of a goal from its stored status, its target and its progress
 * (`goalProgress`; undefined or null for a goal without a measure). `today` is `YYYY-MM-DD`; a
 * goal is past its target date from the day after it.
 */
export function displayedGoalStatus(
  goal: StatusGoal,
  progress: Pick<GoalProgress, 'latest' | 'trend'> | null | undefined,
  today: string,
): DisplayedGoalStatus {
  if (goal.status === 'PAUSED') return 'paused';
  if (goal.status === 'DISCONTINUED') return 'stopped';
  const measurable = goal.measureKind !== 'NONE' && goal.targetValue !== null;
  const latest = measurable ? (progress?.latest ?? null) : null;
  const met = latest ? meetsTarget(goal, latest.value) : null;
  if (goal.status === 'ACHIEVED') return met === false ? 'slipped' : 'reached';
  if (met) return 'reached';
  if (goal.targetDate !== null && goal.targetDate < today) return 'past-target-date';
  if (measurable && !latest) return 'no-values';
  if (measurable && progress?.trend === 'improving') return 'on-track';
  return 'working-on-it';
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

/** Each goal's displayed status, given the progress of the measurable ones (by goalKey). */
export function goalStatuses(
  goals: readonly (StatusGoal & { goalKey: string })[],
  progress: readonly GoalProgress[],
  today: string,
): { goalKey: string; status: DisplayedGoalStatus }[] {
  const byKey = new Map(progress.map((p) => [p.goalKey, p]));
  return goals.map((goal) => ({
    goalKey: goal.goalKey,
    status: displayedGoalStatus(goal, byKey.get(goal.goalKey), today),
  }));
}
