// The one write of a completed questionnaire: scored by lib/clinical/scoring.ts and, for a PHQ-9
// item 9 answer above 0, its safety flag, inside the caller's transaction. The API
// (recordAssessment in ./index.ts) wraps it with the access check, the audit and idempotency; the
// demo seed and the test factories call it as it is, so the scoring and the flag's reason are
// written once. No 'server-only' and no db import: the seed runs it from a plain Node script.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { PHQ9_HIGH_TOTAL, PHQ9_SAFETY_ITEM_INDEX, scoreAssessment } from '@/lib/clinical/scoring';
import type { AssessmentInput } from '@/lib/schemas/assessments';
import { patientScope } from '@/lib/data/scope';
import { WORSENING_POINTS } from '@/lib/clinical/flags';
import { chartPath, notifyTx } from '@/lib/data/notifications/notify';
import { raiseSafetyFlagTx } from '@/lib/data/safety-flags/raise';

export { PHQ9_HIGH_TOTAL };

const INSTRUMENT_NAMES = { PHQ9: 'PHQ-9', GAD7: 'GAD-7' } as const;

export const assessmentSelect = {
  id: true,
  instrument: true,
  answers: true,
  score: true,
  severity: true,
  safetyFlag: true,
  completedAt: true,
} satisfies Prisma.AssessmentSelect;

export type AssessmentRow = Prisma.AssessmentGetPayload<{ select: typeof assessmentSelect }>;

/**
 * Records `input` (already parsed: AssessmentInput's output) for the patient, in `tx`.
 * `completedAt` (default: now) is given by the seed so the demo's answers read as of their day.
 * Writes no audit event: the API's wrapper adds it.
 */
export async function recordAssessmentTx(
  tx: Tx,
  patient: { id: string; organizationId: string },
  input: AssessmentInput,
  completedAt?: Date,
): Promise<AssessmentRow> {
  const scope = patientScope(patient);
  const result = scoreAssessment(input.instrument, input.answers);
  const row = await tx.assessment.create({
    data: {
      ...scope,
      instrument: input.instrument,
      answers: input.answers,
      score: result.score,
      severity: result.severity,
      safetyFlag: result.safetyFlag,
      completedAt,
    },
    select: assessmentSelect,
  });
  // SECURITY: clinical safety: the flag is written with the answers or not at all. Item 9 above 0
  // is urgent; a PHQ-9 total of 20 or more is high (one flag, the more urgent, per questionnaire).
  const item9 = input.answers[PHQ9_SAFETY_ITEM_INDEX] ?? 0;
  const flag = result.safetyFlag
    ? {
        source: 'PHQ9_ITEM9' as const,
        urgency: 'URGENT' as const,
        reason: `PHQ-9 item 9 (thoughts of self-harm) answered ${item9} of 3; total ${result.score}.`,
      }
    : input.instrument === 'PHQ9' && result.score >= PHQ9_HIGH_TOTAL
      ? {
          source: 'PHQ9_TOTAL' as const,
          urgency: 'HIGH' as const,
          reason: `PHQ-9 total ${result.score} (severe).`,
        }
      : null;
  if (flag) {
    await raiseSafetyFlagTx(tx, patient, { ...flag, assessmentId: row.id, at: row.completedAt });
  }
  await notifyIfWorsened(tx, patient, input.instrument, row);
  return row;
}

/** A score up WORSENING_POINTS or more since the patient's previous one of the instrument. */
async function notifyIfWorsened(
  tx: Tx,
  patient: { id: string; organizationId: string },
  instrument: AssessmentInput['instrument'],
  row: AssessmentRow,
) {
  const previous = await tx.assessment.findFirst({
    where: {
      ...patientScope(patient),
      instrument,
      completedAt: { lt: row.completedAt },
    },
    orderBy: { completedAt: 'desc' },
    select: { score: true },
  });
  if (!previous || row.score - previous.score < WORSENING_POINTS) return;
  const name = INSTRUMENT_NAMES[instrument];
  await notifyTx(
    tx,
    patient,
    { careTeam: true },
    {
      kind: 'SCORE_WORSENED',
      careTeamSummary: `${name} rose from ${previous.score} to ${row.score}.`,
      careTeamLink: chartPath(patient.id, '/check-ins'),
      subjectId: row.id,
      at: row.completedAt,
    },
  );
}
