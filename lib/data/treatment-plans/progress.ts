import 'server-only';
import type { Tx } from '@/lib/db';
import { fromIsoDate } from '@/lib/calendar-date';
import {
  POINTS_SHOWN,
  WEEKS_SHOWN,
  goalProgress,
  isMeasurable,
  isWeeklyUnit,
  type MeasurableGoal,
  type MeasuredValue,
} from '@/lib/clinical/goal-progress';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { toIsoDate } from '@/lib/format';
import type { GoalProgress } from '@/lib/schemas/treatment-plan';

type Scope = { patientId: string; organizationId: string };

/** The last POINTS_SHOWN scores of one questionnaire, oldest first. */
async function scoresOf(tx: Tx, scope: Scope, instrument: 'PHQ9' | 'GAD7') {
  const rows = await tx.assessment.findMany({
    where: { ...scope, instrument },
    orderBy: { completedAt: 'desc' },
    take: POINTS_SHOWN,
    select: { score: true, completedAt: true },
  });
  return rows.reverse().map((r) => ({ on: toIsoDate(r.completedAt), value: r.score }));
}

/** A personal measure's reported values: the last weeks for a weekly unit, else the last points. */
async function reportedValues(
  tx: Tx,
  scope: Scope,
  goal: { goalKey: string; measureUnit: string | null },
  today: string,
): Promise<MeasuredValue[]> {
  const weekly = isWeeklyUnit(goal.measureUnit);
  const since = new Date(fromIsoDate(today).getTime() - (WEEKS_SHOWN * 7 - 1) * 86_400_000);
  const rows = await tx.checkInMeasureValue.findMany({
    where: { ...scope, goalKey: goal.goalKey, ...(weekly ? { reportedOn: { gte: since } } : {}) },
    orderBy: { reportedOn: 'desc' },
    // One value a day (one check-in a day), so a weekly window holds at most 7 * WEEKS_SHOWN.
    take: weekly ? WEEKS_SHOWN * 7 : POINTS_SHOWN,
    select: { value: true, reportedOn: true },
  });
  return rows.reverse().map((r) => ({ on: toIsoDate(r.reportedOn), value: r.value }));
}

/** Progress toward each measurable goal of `plan` (lib/data only, in a scoped transaction). */
export async function progressOf(
  tx: Tx,
  patient: ScopedPatient,
  plan: { goals: readonly MeasurableGoal[] },
): Promise<GoalProgress[]> {
  const scope = patientScope(patient);
  const today = toIsoDate(new Date());
  const scores = new Map<string, MeasuredValue[]>();
  const progress: GoalProgress[] = [];
  for (const goal of plan.goals.filter(isMeasurable)) {
    let values: MeasuredValue[];
    if (goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7') {
      const instrument = goal.measureKind;
      if (!scores.has(instrument)) scores.set(instrument, await scoresOf(tx, scope, instrument));
      values = scores.get(instrument)!;
    } else {
      values = await reportedValues(tx, scope, goal, today);
    }
    progress.push(goalProgress(goal, values, today));
  }
  return progress;
}
