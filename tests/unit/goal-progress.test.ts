import { describe, expect, it } from 'vitest';
import {
  goalProgress,
  isMeasurable,
  isWeeklyUnit,
  meetsTarget,
  trendOf,
  weeklySums,
  type MeasurableGoal,
} from '@/lib/clinical/goal-progress';

const KEY = '11111111-1111-4111-8111-111111111111';
const phq: MeasurableGoal = {
  goalKey: KEY,
  measureKind: 'PHQ9',
  measureUnit: null,
  direction: 'AT_MOST',
  targetValue: 4,
};
const walking: MeasurableGoal = {
  goalKey: KEY,
  measureKind: 'PERSONAL',
  measureUnit: 'minutes',
  direction: 'AT_LEAST',
  targetValue: 20,
};
const panic: MeasurableGoal = {
  goalKey: KEY,
  measureKind: 'PERSONAL',
  measureUnit: 'per week',
  direction: 'AT_MOST',
  targetValue: 1,
};

const series = (start: string, values: number[], stepDays = 1) =>
  values.map((value, i) => ({
    on: new Date(Date.parse(`${start}T00:00:00Z`) + i * stepDays * 86_400_000)
      .toISOString()
      .slice(0, 10),
    value,
  }));

describe('isWeeklyUnit', () => {
  it.each(['per week', 'a week', 'times/week', '/wk', 'weekly', 'Per Week', 'each week'])(
    '%s is weekly',
    (unit) => expect(isWeeklyUnit(unit)).toBe(true),
  );
  it.each(['minutes', 'hours', 'count', 'weeks sober', null])('%s is daily', (unit) =>
    expect(isWeeklyUnit(unit)).toBe(false),
  );
});

describe('meetsTarget and isMeasurable', () => {
  it('reads the direction', () => {
    expect(meetsTarget(phq, 4)).toBe(true);
    expect(meetsTarget(phq, 5)).toBe(false);
    expect(meetsTarget(walking, 20)).toBe(true);
    expect(meetsTarget(walking, 19)).toBe(false);
    expect(meetsTarget({ ...phq, targetValue: null }, 3)).toBeNull();
  });
  it('needs a measure and a target', () => {
    expect(isMeasurable(phq)).toBe(true);
    expect(isMeasurable({ ...phq, measureKind: 'NONE' })).toBe(false);
    expect(isMeasurable({ ...phq, targetValue: null })).toBe(false);
  });
});

describe('trendOf', () => {
  it('has no trend with fewer than two values', () => {
    expect(trendOf(phq, [])).toBeNull();
    expect(trendOf(phq, series('2026-01-01', [10]))).toBeNull();
  });
  it('calls a falling PHQ-9 improving and a rising one worsening', () => {
    expect(trendOf(phq, series('2026-01-01', [17, 14, 11, 9], 14))).toBe('improving');
    expect(trendOf(phq, series('2026-01-01', [6, 7, 11, 12], 14))).toBe('worsening');
  });
  it('is steady within the tolerance (3 points for a score)', () => {
    expect(trendOf(phq, series('2026-01-01', [8, 7, 8, 6], 14))).toBe('steady');
  });
  it('reads AT_LEAST the other way round', () => {
    expect(trendOf(walking, series('2026-01-01', [5, 10, 15, 20, 25, 30]))).toBe('improving');
    expect(trendOf(walking, series('2026-01-01', [30, 25, 20, 15, 10, 5]))).toBe('worsening');
  });
  it('looks only at the last six values', () => {
    const values = series('2026-01-01', [27, 27, 27, 27, 9, 9, 9, 9, 9, 9], 14);
    expect(trendOf(phq, values)).toBe('steady');
  });
});

describe('weeklySums', () => {
  it('sums the last 7 days, week by week backwards, leaving out weeks without reports', () => {
    const values = [
      ...series('2026-02-01', [1, 0, 2]),
      { on: '2026-02-20', value: 1 },
      { on: '2026-02-27', value: 0 },
      { on: '2026-02-28', value: 1 },
    ];
    expect(weeklySums(values, '2026-02-28')).toEqual([
      { on: '2026-02-07', value: 3 },
      { on: '2026-02-21', value: 1 },
      { on: '2026-02-28', value: 1 },
    ]);
  });
});

describe('goalProgress', () => {
  it('uses each assessment for a score goal', () => {
    const progress = goalProgress(phq, series('2026-01-01', [17, 12, 9, 6], 14), '2026-03-01');
    expect(progress).toMatchObject({
      goalKey: KEY,
      basis: 'assessment',
      latest: { on: '2026-02-12', value: 6 },
      met: false,
      trend: 'improving',
    });
    expect(progress.points).toHaveLength(4);
  });
  it('uses daily values for a daily measure, in date order whatever the input order', () => {
    const values = series('2026-02-20', [10, 15, 20, 25]).reverse();
    const progress = goalProgress(walking, values, '2026-02-23');
    expect(progress).toMatchObject({
      basis: 'daily',
      latest: { on: '2026-02-23', value: 25 },
      met: true,
      trend: 'improving',
    });
  });
  it('sums a per-week measure', () => {
    const values = [...series('2026-02-01', [1, 1, 1, 1]), ...series('2026-02-22', [0, 1, 0])];
    const progress = goalProgress(panic, values, '2026-02-28');
    expect(progress.basis).toBe('weekly');
    expect(progress.latest).toEqual({ on: '2026-02-28', value: 1 });
    expect(progress.met).toBe(true);
    expect(progress.trend).toBe('improving');
  });
  it('has nothing to say without values', () => {
    expect(goalProgress(phq, [], '2026-03-01')).toEqual({
      goalKey: KEY,
      basis: 'assessment',
      latest: null,
      met: null,
      trend: null,
      points: [],
    });
  });
});
