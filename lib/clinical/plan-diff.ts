// The difference between two versions of a treatment plan, its one-line summary, and the
// three-way merge that reapplies a clinician's edits on top of a version someone else saved.
// Pure: no I/O.
//
// Goals are matched by goalKey (stable across versions). Interventions have no key: they are
// matched first when identical, then by kind and description (owner or frequency changed), then
// by kind in order (description changed); whatever is left was added or removed.
import type { PlanDiff } from '@/lib/schemas/plan-diff';
import type { PlanGoal, PlanIntervention } from '@/lib/schemas/treatment-plan';

/** What a version holds, as far as comparing goes (a PlanVersion fits). */
export type PlanSnapshot = {
  version?: number;
  presentingConcerns: string;
  patientGoalsOwnWords: string;
  reviewBy: string | null;
  assessmentIntervalDays: number;
  goals: PlanGoal[];
  interventions: PlanIntervention[];
};

/** A goal as edited: a new goal has no goalKey yet. */
export type DraftGoal = Omit<PlanGoal, 'goalKey'> & { goalKey?: string | null };
/** An intervention as edited: the owner is named by id only. */
export type DraftIntervention = Pick<
  PlanIntervention,
  'kind' | 'description' | 'ownerId' | 'frequency'
> & { medicationKey?: string | null };
/** A plan as edited (the editor's form, the PUT body). */
export type DraftPlan = Omit<PlanSnapshot, 'goals' | 'interventions' | 'version'> & {
  goals: DraftGoal[];
  interventions: DraftIntervention[];
};

const PLAN_FIELDS = [
  'presentingConcerns',
  'patientGoalsOwnWords',
  'reviewBy',
  'assessmentIntervalDays',
] as const;

const GOAL_FIELDS = [
  'description',
  'status',
  'measureKind',
  'measureName',
  'measureUnit',
  'direction',
  'targetValue',
  'targetDate',
  'patientWording',
] as const;

const INTERVENTION_FIELDS = ['kind', 'description', 'ownerId', 'frequency'] as const;

const FIELD_LABELS: Record<(typeof PLAN_FIELDS)[number], string> = {
  presentingConcerns: 'presenting concerns',
  patientGoalsOwnWords: 'the patient’s goals in their own words',
  reviewBy: 'review-by date',
  assessmentIntervalDays: 'assessment schedule',
};

const GOAL_FIELD_LABELS: Record<string, string> = {
  description: 'wording',
  status: 'status',
  measureKind: 'measure',
  measureName: 'measure name',
  measureUnit: 'unit',
  direction: 'direction',
  targetValue: 'target',
  targetDate: 'target date',
  patientWording: 'wording for the patient',
};

const INTERVENTION_FIELD_LABELS: Record<string, string> = {
  kind: 'kind',
  description: 'description',
  ownerId: 'owner',
  frequency: 'frequency',
};

function changedFields<T, K extends keyof T>(before: T, after: T, fields: readonly K[]): K[] {
  return fields.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}

function sameIntervention(a: DraftIntervention, b: DraftIntervention): boolean {
  return changedFields(a, b, INTERVENTION_FIELDS).length === 0;
}

type Pairing = { pairs: [number, number][]; removed: number[]; added: number[] };

/** Matches interventions of `before` to those of `after` (indexes), as the header describes. */
export function matchInterventions(
  before: readonly DraftIntervention[],
  after: readonly DraftIntervention[],
): Pairing {
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: [number, number][] = [];
  const rules: ((a: DraftIntervention, b: DraftIntervention) => boolean)[] = [
    sameIntervention,
    (a, b) => a.kind === b.kind && a.description === b.description,
    (a, b) => a.kind === b.kind,
  ];
  for (const rule of rules) {
    before.forEach((a, i) => {
      if (usedBefore.has(i)) return;
      const j = after.findIndex((b, k) => !usedAfter.has(k) && rule(a, b));
      if (j < 0) return;
      usedBefore.add(i);
      usedAfter.add(j);
      pairs.push([i, j]);
    });
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return {
    pairs,
    removed: before.flatMap((_, i) => (usedBefore.has(i) ? [] : [i])),
    added: after.flatMap((_, j) => (usedAfter.has(j) ? [] : [j])),
  };
}

/** Whether the items kept on both sides appear in a different relative order. */
function isReordered(pairs: [number, number][]): boolean {
  const order = [...pairs].sort((x, y) => x[0] - y[0]).map(([, j]) => j);
  return order.some((j, i) => i > 0 && j < order[i - 1]!);
}

function quote(text: string, max = 60): string {
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

/** A few words a clinician can scan for each change, e.g. `Added goal “Sleep 7 hours”`. */
function summarize(diff: Omit<PlanDiff, 'summary'>): string[] {
  const lines: string[] = [];
  for (const change of diff.fields) lines.push(`Changed ${FIELD_LABELS[change.field]}`);
  for (const goal of diff.goals.added) lines.push(`Added goal ${quote(goal.description)}`);
  for (const goal of diff.goals.removed) lines.push(`Removed goal ${quote(goal.description)}`);
  for (const change of diff.goals.changed) {
    const what = change.fields.map((f) => GOAL_FIELD_LABELS[f] ?? f).join(', ');
    lines.push(`Changed the ${what} of goal ${quote(change.after.description)}`);
  }
  if (diff.goals.reordered) lines.push('Reordered goals');
  for (const item of diff.interventions.added) {
    lines.push(`Added intervention ${quote(item.description)}`);
  }
  for (const item of diff.interventions.removed) {
    lines.push(`Removed intervention ${quote(item.description)}`);
  }
  for (const change of diff.interventions.changed) {
    const what = change.fields.map((f) => INTERVENTION_FIELD_LABELS[f] ?? f).join(', ');
    lines.push(`Changed the ${what} of intervention ${quote(change.after.description)}`);
  }
  if (diff.interventions.reordered) lines.push('Reordered interventions');
  return lines;
}

/** The difference from `before` to `after`, with its summary lines. */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  const fields = changedFields(before, after, PLAN_FIELDS).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));

  const beforeGoals = new Map(before.goals.map((g, i) => [g.goalKey, i]));
  const afterGoals = new Map(after.goals.map((g, i) => [g.goalKey, i]));
  const goalPairs: [number, number][] = [];
  const changedGoals: PlanDiff['goals']['changed'] = [];
  before.goals.forEach((goal, i) => {
    const j = afterGoals.get(goal.goalKey);
    if (j === undefined) return;
    goalPairs.push([i, j]);
    const later = after.goals[j]!;
    const changed = changedFields(goal, later, GOAL_FIELDS);
    if (changed.length) changedGoals.push({ before: goal, after: later, fields: changed });
  });

  const matching = matchInterventions(before.interventions, after.interventions);
  const changedInterventions: PlanDiff['interventions']['changed'] = [];
  for (const [i, j] of matching.pairs) {
    const a = before.interventions[i]!;
    const b = after.interventions[j]!;
    const changed = changedFields(a, b, INTERVENTION_FIELDS);
    if (changed.length) changedInterventions.push({ before: a, after: b, fields: changed });
  }

  const diff = {
    from: before.version ?? 0,
    to: after.version ?? 0,
    fields,
    goals: {
      added: after.goals.filter((g) => !beforeGoals.has(g.goalKey)),
      removed: before.goals.filter((g) => !afterGoals.has(g.goalKey)),
      changed: changedGoals,
      reordered: isReordered(goalPairs),
    },
    interventions: {
      added: matching.added.map((j) => after.interventions[j]!),
      removed: matching.removed.map((i) => before.interventions[i]!),
      changed: changedInterventions,
      reordered: isReordered(matching.pairs),
    },
  };
  return { ...diff, summary: summarize(diff) };
}

/** Whether two versions hold the same content. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  return diff.summary.length === 0;
}

/** The change summary written when the clinician leaves it empty. */
export function changeSummaryOf(diff: PlanDiff | null): string {
  if (!diff) return 'First version of the plan.';
  if (isEmptyDiff(diff)) return 'Saved without changes.';
  const text = `${diff.summary.join('; ')}.`;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

function goalChanged(a: DraftGoal, b: DraftGoal): boolean {
  return changedFields(a, b, GOAL_FIELDS).length > 0;
}

/**
 * Reapplies the edits in `mine` (made on top of `base`) to `theirs` (a version saved meanwhile):
 * a plan field I changed takes my value, otherwise theirs; a goal I edited takes my edit, one I
 * removed goes, one I added is appended; the same for interventions, found by matchInterventions.
 * Everything I did not touch stays as they left it.
 */
export function rebasePlan(base: DraftPlan, mine: DraftPlan, theirs: DraftPlan): DraftPlan {
  const merged: DraftPlan = { ...theirs, goals: [...theirs.goals], interventions: [] };
  for (const field of PLAN_FIELDS) {
    if ((mine[field] ?? null) !== (base[field] ?? null)) {
      (merged as Record<string, unknown>)[field] = mine[field];
    }
  }

  const baseByKey = new Map(base.goals.flatMap((g) => (g.goalKey ? [[g.goalKey, g]] : [])));
  const mineKeys = new Set(mine.goals.flatMap((g) => (g.goalKey ? [g.goalKey] : [])));
  // Goals I removed go, whatever they did to them.
  merged.goals = merged.goals.filter(
    (g) => !g.goalKey || !baseByKey.has(g.goalKey) || mineKeys.has(g.goalKey),
  );
  for (const goal of mine.goals) {
    const original = goal.goalKey ? baseByKey.get(goal.goalKey) : undefined;
    if (!goal.goalKey || !original) {
      merged.goals.push(goal);
      continue;
    }
    if (!goalChanged(original, goal)) continue;
    const at = merged.goals.findIndex((g) => g.goalKey === goal.goalKey);
    if (at >= 0) merged.goals[at] = goal;
    else merged.goals.push(goal);
  }

  const mineMatch = matchInterventions(base.interventions, mine.interventions);
  const result = [...theirs.interventions];
  const locate = (item: DraftIntervention) => result.findIndex((r) => sameIntervention(r, item));
  const removedAt: number[] = [];
  for (const i of mineMatch.removed) {
    const at = locate(base.interventions[i]!);
    if (at >= 0) removedAt.push(at);
  }
  for (const [i, j] of mineMatch.pairs) {
    const original = base.interventions[i]!;
    const edited = mine.interventions[j]!;
    if (sameIntervention(original, edited)) continue;
    const at = locate(original);
    if (at >= 0) result[at] = edited;
    else result.push(edited);
  }
  merged.interventions = [
    ...result.filter((_, at) => !removedAt.includes(at)),
    ...mineMatch.added.map((j) => mine.interventions[j]!),
  ];
  return merged;
}
