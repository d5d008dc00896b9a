import { describe, expect, it } from 'vitest';
import {
  displayedGoalStatus,
  goalStatuses,
  measureValueText,
  meetsTarget,
  weeklySums,
  type DisplayedGoalStatus,
  type StatusGoal,
} from '@/lib/clinical/goal-progress';
import type { GoalProgress } from '@/lib/schemas/treatment-plan';

const TODAY = '2026-03-10';
const walking: StatusGoal = {
  status: 'ACTIVE',
  measureKind: 'PERSONAL',
  direction: 'AT_LEAST',
  targetValue: 20,
  targetDate: '2026-04-01',
};
const phq: StatusGoal = { ...walking, measureKind: 'PHQ9', direction: 'AT_MOST', targetValue: 4 };
const unmeasured: StatusGoal = {
  ...walking,
  measureKind: 'NONE',
  direction: null,
  targetValue: null,
};

type Progress = Pick<GoalProgress, 'latest' | 'trend'>;
const at = (value: number, trend: GoalProgress['trend'] = 'steady'): Progress => ({
  latest: { on: '2026-03-09', value },
  trend,
});
const none: Progress = { latest: null, trend: null };

describe('displayedGoalStatus', () => {
  const rows: [string, StatusGoal, Progress | null, DisplayedGoalStatus][] = [
    // The contradiction of issue 17: stored ACTIVE, measured at target -> reached everywhere.
    ['active, latest meets the target', walking, at(25), 'reached'],
    ['active, exactly at the target (at least)', walking, at(20), 'reached'],
    ['active, 19.1 of at least 20', walking, at(19.1), 'working-on-it'],
    ['active, below target but improving', walking, at(15, 'improving'), 'on-track'],
    ['active, below target and worsening', walking, at(15, 'worsening'), 'working-on-it'],
    ['active, no values yet', walking, none, 'no-values'],
    ['active, no progress computed', walking, null, 'no-values'],
    [
      'active, past its date, not met',
      { ...walking, targetDate: '2026-03-01' },
      at(15, 'improving'),
      'past-target-date',
    ],
    [
      'active, past its date, no values',
      { ...walking, targetDate: '2026-03-01' },
      none,
      'past-target-date',
    ],
    ['active, past its date but met', { ...walking, targetDate: '2026-03-01' }, at(30), 'reached'],
    [
      'active, target date is today (not past)',
      { ...walking, targetDate: TODAY },
      at(10),
      'working-on-it',
    ],
    ['PHQ-9 at most 4: 4 is reached', phq, at(4), 'reached'],
    ['PHQ-9 at most 4: 4.5 is not', phq, at(4.5), 'working-on-it'],
    ['PHQ-9 falling', phq, at(9, 'improving'), 'on-track'],
    ['achieved and still at target', { ...phq, status: 'ACHIEVED' }, at(3), 'reached'],
    ['achieved, latest off target', { ...phq, status: 'ACHIEVED' }, at(9), 'slipped'],
    ['achieved, nothing measured', { ...phq, status: 'ACHIEVED' }, none, 'reached'],
    ['achieved without a measure', { ...unmeasured, status: 'ACHIEVED' }, null, 'reached'],
    ['paused wins over a met target', { ...walking, status: 'PAUSED' }, at(30), 'paused'],
    [
      'discontinued wins over everything',
      { ...walking, status: 'DISCONTINUED', targetDate: '2026-01-01' },
      at(5),
      'stopped',
    ],
    ['no measure, before its date', unmeasured, null, 'working-on-it'],
    [
      'no measure, past its date',
      { ...unmeasured, targetDate: '2026-03-09' },
      null,
      'past-target-date',
    ],
    ['no measure, no date', { ...unmeasured, targetDate: null }, null, 'working-on-it'],
    [
      'a measure without a target is not judged',
      { ...walking, targetValue: null },
      at(50, 'improving'),
      'working-on-it',
    ],
  ];
  it.each(rows)('%s', (_, goal, progress, expected) => {
    expect(displayedGoalStatus(goal, progress, TODAY)).toBe(expected);
  });

  it('gives every goal of a plan its status, by goal key', () => {
    const goals = [
      { ...walking, goalKey: 'a' },
      { ...unmeasured, goalKey: 'b' },
    ];
    const progress = [
      { goalKey: 'a', basis: 'daily', points: [], met: true, ...at(25) },
    ] as GoalProgress[];
    expect(goalStatuses(goals, progress, TODAY)).toEqual([
      { goalKey: 'a', status: 'reached' },
      { goalKey: 'b', status: 'working-on-it' },
    ]);
  });
});

describe('at target follows the direction exactly', () => {
  const atLeast = { direction: 'AT_LEAST', targetValue: 20 } as const;
  const atMost = { direction: 'AT_MOST', targetValue: 20 } as const;
  it.each([
    [atLeast, 19.1, false],
    [atLeast, 19.999, false],
    [atLeast, 20, true],
    [atLeast, 20.01, true],
    [atMost, 20.01, false],
    [atMost, 20, true],
    [atMost, 19.1, true],
  ] as const)('%o with %d: %s', (goal, value, met) => {
    expect(meetsTarget(goal, value)).toBe(met);
  });

  it('absorbs only the noise of a floating-point sum', () => {
    expect(meetsTarget({ direction: 'AT_MOST', targetValue: 0.3 }, 0.1 + 0.2)).toBe(true);
    const [week] = weeklySums(
      [
        { on: '2026-03-09', value: 0.1 },
        { on: '2026-03-10', value: 0.2 },
      ],
      TODAY,
    );
    expect(week!.value).toBe(0.3);
  });

  it('shows the value without a rounding that crosses the target', () => {
    expect(measureValueText(atLeast, 19.1)).toBe('19.1');
    expect(measureValueText(atLeast, 19.96)).toBe('19.96');
    expect(measureValueText(atLeast, 19.9999)).toBe('19.9999');
    expect(measureValueText(atMost, 20.04)).toBe('20.04');
    expect(measureValueText(atLeast, 20)).toBe('20');
    expect(measureValueText(atLeast, 21.26)).toBe('21.3');
    expect(measureValueText(atLeast, 12.34)).toBe('12.3');
    expect(measureValueText({ direction: null, targetValue: null }, 12.34)).toBe('12.3');
  });
});
