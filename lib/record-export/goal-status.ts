// Each goal's displayed status in an export, from the record the export already holds (its
// assessments and check-ins), by the same rule every screen uses (displayedGoalStatus).
import {
  goalProgress,
  goalStatuses,
  isMeasurable,
  type DisplayedGoalStatus,
  type MeasuredValue,
} from '@/lib/clinical/goal-progress';
import type { RecordExport } from '@/lib/record-export/types';

/** goalKey -> displayed status, judged on the export's day. */
export function exportGoalStatuses(r: RecordExport): Map<string, DisplayedGoalStatus> {
  if (!r.plan) return new Map();
  const today = r.generatedAt.slice(0, 10);
  const progress = r.plan.goals.filter(isMeasurable).map((goal) => {
    const values: MeasuredValue[] =
      goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7'
        ? r.assessments
            .filter((a) => a.instrument === goal.measureKind)
            .map((a) => ({ on: a.completedAt.slice(0, 10), value: a.score }))
        : r.checkIns.flatMap((c) =>
            c.measures
              .filter((m) => m.goalKey === goal.goalKey)
              .map((m) => ({ on: c.localDate, value: m.value })),
          );
    return goalProgress(goal, values, today);
  });
  return new Map(goalStatuses(r.plan.goals, progress, today).map((s) => [s.goalKey, s.status]));
}
