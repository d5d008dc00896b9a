import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import type { MedicationChange } from '@/lib/schemas/medications';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { toIsoDate } from '@/lib/format';
import { changeSelect, toChange } from './rows';

export type OverviewTrends = {
  /** The first day of the window, `YYYY-MM-DD`. */
  from: string;
  phq9: { date: string; value: number }[];
  gad7: { date: string; value: number }[];
  mood: { date: string; value: number }[];
  changes: MedicationChange[];
};

/** How far back the Overview's chart looks. */
export const OVERVIEW_DAYS = 180;

/**
 * Prescribers and therapists on the care team (the chart's Overview): PHQ-9, GAD-7 and check-in
 * mood over the last OVERVIEW_DAYS days, with the medication changes of the period, in one read.
 */
export async function getOverviewTrends(
  viewer: Viewer,
  patientId: string,
  now: Date = new Date(),
): Promise<OverviewTrends> {
  const from = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
      OVERVIEW_DAYS * 86_400_000,
  );
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'chart.read', action: 'read', resourceType: 'chartOverview' },
    async (tx, patient) => {
      const scope = patientScope(patient);
      const assessments = await tx.assessment.findMany({
        where: { ...scope, completedAt: { gte: from } },
        select: { instrument: true, score: true, completedAt: true },
        orderBy: { completedAt: 'asc' },
        take: 1000,
      });
      const checkIns = await tx.checkIn.findMany({
        where: { ...scope, localDate: { gte: from } },
        select: { localDate: true, mood: true },
        orderBy: { localDate: 'asc' },
        take: 1000,
      });
      const changes = await tx.medicationChange.findMany({
        where: { ...scope, effectiveDate: { gte: from } },
        select: changeSelect,
        orderBy: [{ effectiveDate: 'asc' }, { createdAt: 'asc' }],
        take: 200,
      });
      const scores = (instrument: string) =>
        assessments
          .filter((a) => a.instrument === instrument)
          .map((a) => ({ date: toIsoDate(a.completedAt), value: a.score }));
      return {
        from: toIsoDate(from),
        phq9: scores('PHQ9'),
        gad7: scores('GAD7'),
        mood: checkIns.map((c) => ({ date: toIsoDate(c.localDate), value: c.mood })),
        changes: changes.map((row) => toChange(row, viewer)),
      };
    },
  );
}
