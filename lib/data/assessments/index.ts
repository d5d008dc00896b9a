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

type LastAssessment = {
  instrument: (typeof INSTRUMENTS)[number];
  completedAt: Date | null;
  score: number | null;
  severity: string | null;
};

/**
 * When each instrument is next due, inside withPatientAccess (lib/data only): one statement, an
 * index probe per instrument on (patientId, instrument, completedAt).
 */
export async function assessmentsDue(
  tx: Tx,
  patient: ScopedPatient,
  intervalDays: number,
  now: Date,
): Promise<AssessmentDue[]> {
  const today = toIsoDate(now);
  const lasts = await tx.$queryRaw<LastAssessment[]>`
    SELECT i.instrument::text AS instrument, a."completedAt", a.score, a.severity
      FROM unnest(${[...INSTRUMENTS]}::"Instrument"[]) WITH ORDINALITY AS i(instrument, n)
      LEFT JOIN LATERAL (
        SELECT "completedAt", score, severity FROM "Assessment"
         WHERE "patientId" = ${patient.id}::uuid AND "organizationId" = ${patient.organizationId}::uuid
           AND instrument = i.instrument
         ORDER BY "completedAt" DESC LIMIT 1) a ON true
     ORDER BY i.n`;
  return lasts.map((last) => {
    const completedAt = last.completedAt;
    const next = nextAssessmentDue(
      completedAt ? toIsoDate(completedAt) : null,
      intervalDays,
      today,
    );
    return {
      instrument: last.instrument,
      lastCompletedAt: completedAt ? completedAt.toISOString() : null,
      dueOn: next.dueOn,
      isDue: next.isDue,
      lastScore: last.score,
      lastSeverity: last.severity,
    };
  });
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
