import { describe, expect, it } from 'vitest';
import {
  changeSummaryOf,
  diffPlans,
  isEmptyDiff,
  matchInterventions,
  rebasePlan,
  type DraftPlan,
  type PlanSnapshot,
} from '@/lib/clinical/plan-diff';
import type { PlanGoal, PlanIntervention } from '@/lib/schemas/treatment-plan';

const K1 = '11111111-1111-4111-8111-111111111111';
const K2 = '22222222-2222-4222-8222-222222222222';
const K3 = '33333333-3333-4333-8333-333333333333';
const RIVERA = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OKAFOR = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function goal(goalKey: string, description: string, extra: Partial<PlanGoal> = {}): PlanGoal {
  return {
    goalKey,
    description,
    status: 'ACTIVE',
    measureKind: 'NONE',
    measureName: null,
    measureUnit: null,
    direction: null,
    targetValue: null,
    targetDate: null,
    patientWording: null,
    ...extra,
  };
}

function intervention(
  kind: PlanIntervention['kind'],
  description: string,
  extra: Partial<PlanIntervention> = {},
): PlanIntervention {
  return {
    kind,
    description,
    ownerId: OKAFOR,
    owner: null,
    frequency: 'Weekly',
    medicationKey: null,
    ...extra,
  };
}

function plan(extra: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    version: 1,
    presentingConcerns: 'Low mood.',
    patientGoalsOwnWords: 'Feel like myself.',
    reviewBy: '2026-06-01',
    assessmentIntervalDays: 14,
    goals: [
      goal(K1, 'PHQ-9 below 5', { measureKind: 'PHQ9', direction: 'AT_MOST', targetValue: 4 }),
      goal(K2, 'See friends weekly'),
    ],
    interventions: [
      intervention('MEDICATION_MANAGEMENT', 'Sertraline titration', { ownerId: RIVERA }),
      intervention('CBT', 'Thought records'),
    ],
    ...extra,
  };
}

describe('diffPlans', () => {
  it('finds nothing between identical versions', () => {
    const diff = diffPlans(plan(), plan({ version: 2 }));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff).toMatchObject({ from: 1, to: 2, fields: [] });
    expect(changeSummaryOf(diff)).toBe('Saved without changes.');
  });

  it('reports changed plan fields with their values', () => {
    const diff = diffPlans(plan(), plan({ reviewBy: null, assessmentIntervalDays: 28 }));
    expect(diff.fields).toEqual([
      { field: 'reviewBy', before: '2026-06-01', after: null },
      { field: 'assessmentIntervalDays', before: 14, after: 28 },
    ]);
    expect(diff.summary).toEqual(['Changed review-by date', 'Changed assessment schedule']);
  });

  it('follows goals by goalKey: added, removed, changed, reordered', () => {
    const before = plan();
    const after = plan({
      goals: [
        goal(K3, 'Sleep 7 hours'),
        { ...before.goals[0]!, targetValue: 9, status: 'ACHIEVED' },
      ],
    });
    const diff = diffPlans(before, after);
    expect(diff.goals.added.map((g) => g.goalKey)).toEqual([K3]);
    expect(diff.goals.removed.map((g) => g.goalKey)).toEqual([K2]);
    expect(diff.goals.changed).toHaveLength(1);
    expect(diff.goals.changed[0]!.fields).toEqual(['status', 'targetValue']);
    expect(diff.goals.reordered).toBe(false);
    expect(diff.summary).toContain('Added goal “Sleep 7 hours”');
    expect(diff.summary).toContain('Changed the status, target of goal “PHQ-9 below 5”');

    const swapped = diffPlans(before, plan({ goals: [before.goals[1]!, before.goals[0]!] }));
    expect(swapped.goals.reordered).toBe(true);
    expect(swapped.summary).toEqual(['Reordered goals']);
  });

  it('compares a goal’s wording for the patient like its other fields', () => {
    const worded = plan({
      goals: [plan().goals[0]!, { ...plan().goals[1]!, patientWording: 'See a friend each week' }],
    });
    const diff = diffPlans(plan(), worded);
    expect(diff.goals.changed.map((c) => c.fields)).toEqual([['patientWording']]);
    expect(diff.summary).toEqual([
      'Changed the wording for the patient of goal “See friends weekly”',
    ]);
    expect(isEmptyDiff(diffPlans(worded, { ...worded, version: 2 }))).toBe(true);
  });

  it('matches interventions without keys: identical, then kind and description, then kind', () => {
    const before = plan();
    const after = plan({
      interventions: [
        intervention('CBT', 'Thought records and worry time'),
        intervention('MEDICATION_MANAGEMENT', 'Sertraline titration', {
          ownerId: RIVERA,
          frequency: 'Every 4 weeks',
        }),
        intervention('BEHAVIORAL_ACTIVATION', 'Daily walks'),
      ],
    });
    const diff = diffPlans(before, after);
    expect(diff.interventions.added.map((i) => i.description)).toEqual(['Daily walks']);
    expect(diff.interventions.removed).toEqual([]);
    expect(diff.interventions.changed.map((c) => c.fields)).toEqual([
      ['frequency'],
      ['description'],
    ]);
    expect(diff.interventions.reordered).toBe(true);
  });

  it('pairs by index in matchInterventions', () => {
    const a = [intervention('CBT', 'x'), intervention('DBT', 'y')];
    const b = [intervention('DBT', 'y'), intervention('ACT', 'z')];
    expect(matchInterventions(a, b)).toEqual({ pairs: [[1, 0]], removed: [0], added: [1] });
  });

  it('writes a first-version summary and bounds long ones', () => {
    expect(changeSummaryOf(null)).toBe('First version of the plan.');
    const many = plan({
      goals: Array.from({ length: 40 }, (_, i) =>
        goal(`${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, 'x'.repeat(80)),
      ),
    });
    expect(changeSummaryOf(diffPlans(plan(), many)).length).toBeLessThanOrEqual(1000);
  });
});

function draft(snapshot: PlanSnapshot): DraftPlan {
  const { version: _v, ...rest } = snapshot;
  return rest;
}

describe('rebasePlan', () => {
  it('keeps their changes and reapplies mine on top', () => {
    const base = draft(plan());
    const theirs = draft(
      plan({
        presentingConcerns: 'Low mood and insomnia.',
        goals: [...plan().goals, goal(K3, 'Sleep 7 hours')],
        interventions: [...plan().interventions, intervention('CBT', 'CBT for insomnia')],
      }),
    );
    const mine: DraftPlan = {
      ...base,
      reviewBy: '2026-07-01',
      goals: [
        { ...base.goals[0]!, targetValue: 9 },
        { ...goal(K1, 'Walk daily'), goalKey: undefined },
      ],
      interventions: [{ ...base.interventions[0]!, frequency: 'Every 4 weeks' }],
    };
    const merged = rebasePlan(base, mine, theirs);
    expect(merged.presentingConcerns).toBe('Low mood and insomnia.');
    expect(merged.reviewBy).toBe('2026-07-01');
    expect(merged.goals.map((g) => [g.goalKey ?? null, g.description, g.targetValue])).toEqual([
      [K1, 'PHQ-9 below 5', 9],
      [K3, 'Sleep 7 hours', null],
      [null, 'Walk daily', null],
    ]);
    expect(merged.interventions.map((i) => [i.description, i.frequency])).toEqual([
      ['Sertraline titration', 'Every 4 weeks'],
      ['CBT for insomnia', 'Weekly'],
    ]);
  });

  it('changes nothing of theirs when I changed nothing', () => {
    const base = draft(plan());
    const theirs = draft(plan({ assessmentIntervalDays: 28, goals: [plan().goals[1]!] }));
    expect(rebasePlan(base, base, theirs)).toEqual(theirs);
  });

  it('takes my edit of a goal they edited too, and keeps a goal I edited that they removed', () => {
    const base = draft(plan());
    const theirs = draft(plan({ goals: [{ ...plan().goals[0]!, description: 'Theirs' }] }));
    const mine: DraftPlan = {
      ...base,
      goals: [
        { ...base.goals[0]!, description: 'Mine' },
        { ...base.goals[1]!, status: 'ACHIEVED' },
      ],
    };
    const merged = rebasePlan(base, mine, theirs);
    expect(merged.goals.map((g) => g.description)).toEqual(['Mine', 'See friends weekly']);
    expect(merged.goals[1]!.status).toBe('ACHIEVED');
  });

  it('reapplies my wording for the patient on top of their edit of the same goal', () => {
    const base = draft(plan());
    const theirs = draft(plan({ assessmentIntervalDays: 28 }));
    const mine: DraftPlan = {
      ...base,
      goals: [base.goals[0]!, { ...base.goals[1]!, patientWording: 'See a friend each week' }],
    };
    const merged = rebasePlan(base, mine, theirs);
    expect(merged.assessmentIntervalDays).toBe(28);
    expect(merged.goals[1]!.patientWording).toBe('See a friend each week');
  });
});
