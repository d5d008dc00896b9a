import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import {
  DEFAULT_ASSESSMENT_INTERVAL_DAYS,
  nextAssessmentDue,
} from '@/lib/clinical/assessment-schedule';
import { currentPlanFacts } from '@/lib/data/check-ins';
import { withPatientAccess } from '@/lib/data/patient-access';
import { type ScopedPatient, patientScope } from '@/lib/data/scope';
import { toIsoDate } from '@/lib/format';
import {
  AssessmentInput,
  AssessmentListQuery,
  type Assessment,
  type AssessmentDue,
  type AssessmentList,
} from '@/lib/schemas/assessments';
import { INSTRUMENTS } from '@/lib/schemas/enums';
import { parseInput } from '@/lib/errors';
import { newestFirstPage, patientCreate } from '@/lib/data/recipes';
import { assessmentSelect, recordAssessmentTx, type AssessmentRow } from './record';

export { recordAssessmentTx } from './record';

export type { Assessment, AssessmentDue, AssessmentList } from '@/lib/schemas/assessments';

function toAssessment(row: AssessmentRow): Assessment {
  return { ...row, completedAt: row.completedAt.toISOString() };
}

/**
 * When each instrument is next due, inside a withPatientAccess transaction (lib/data only): one
 * index probe per instrument on (patientId, instrument, completedAt).
 */
export async function assessmentsDue(
  tx: Tx,
  patient: ScopedPatient,
  intervalDays: number,
  now: Date,
): Promise<AssessmentDue[]> {
  const today = toIsoDate(now);
  const due: AssessmentDue[] = [];
  for (const instrument of INSTRUMENTS) {
    const last = await tx.assessment.findFirst({
      where: { ...patientScope(patient), instrument },
      orderBy: { completedAt: 'desc' },
      select: { completedAt: true, score: true, severity: true },
    });
    const next = nextAssessmentDue(last ? toIsoDate(last.completedAt) : null, intervalDays, today);
    due.push({
      instrument,
      lastCompletedAt: last ? last.completedAt.toISOString() : null,
      dueOn: next.dueOn,
      isDue: next.isDue,
      lastScore: last?.score ?? null,
      lastSeverity: last?.severity ?? null,
    });
  }
  return due;
}

/**
 * The patient themself: records a completed PHQ-9 or GAD-7, scored here. A PHQ-9 item 9 answer
 * above 0 raises a SafetyFlag for the care team in the same transaction. Clinicians on the team
 * get ForbiddenError, anyone else NotFoundError.
 */
export const recordAssessment = patientCreate(
  AssessmentInput,
  { permission: 'assessment.create', action: 'create', resourceType: 'assessment' },
  async (tx, patient, input): Promise<Assessment> =>
    toAssessment(await recordAssessmentTx(tx, patient, input)),
);

/**
 * The patient and clinicians on their team: completed questionnaires, newest first, a page at a
 * time, with when each instrument is next due. Admins get ForbiddenError, anyone else NotFoundError.
 */
export async function listAssessments(
  viewer: Viewer,
  patientId: string,
  query: Partial<AssessmentListQuery> = {},
  now: Date = new Date(),
): Promise<AssessmentList> {
  const { instrument, cursor, limit } = parseInput(AssessmentListQuery, query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'assessment.read', action: 'read', resourceType: 'assessment' },
    async (tx, patient) => {
      const mine: Prisma.AssessmentWhereInput = {
        ...patientScope(patient),
        ...(instrument ? { instrument } : {}),
      };
      const page = await newestFirstPage(
        tx.assessment,
        { where: mine, field: 'completedAt', select: assessmentSelect, cursor, limit },
        toAssessment,
      );
      const plan = await currentPlanFacts(tx, patient);
      const intervalDays = plan?.assessmentIntervalDays ?? DEFAULT_ASSESSMENT_INTERVAL_DAYS;
      return { ...page, intervalDays, due: await assessmentsDue(tx, patient, intervalDays, now) };
    },
  );
}
