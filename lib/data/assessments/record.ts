// The one write of a completed questionnaire: scored by lib/clinical/scoring.ts and, for a PHQ-9
// item 9 answer above 0, its safety flag, inside the caller's transaction. The API
// (recordAssessment in ./index.ts) wraps it with the access check, the audit and idempotency; the
// demo seed and the test factories call it as it is, so the scoring and the flag's reason are
// written once. No 'server-only' and no db import: the seed runs it from a plain Node script.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { PHQ9_SAFETY_ITEM_INDEX, scoreAssessment } from '@/lib/clinical/scoring';
import type { AssessmentInput } from '@/lib/schemas/assessments';
import { patientScope } from '@/lib/data/scope';

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
  // SECURITY: clinical safety (a PHQ-9 item 9 answer above 0): the flag is written with the
  // answers or not at all.
  if (result.safetyFlag) {
    await tx.safetyFlag.create({
      data: {
        ...scope,
        assessmentId: row.id,
        reason: `PHQ-9 item 9 (thoughts of self-harm) answered ${input.answers[PHQ9_SAFETY_ITEM_INDEX]} of 3.`,
        raisedAt: row.completedAt,
      },
    });
  }
  return row;
}
