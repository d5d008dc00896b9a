// Completed PHQ-9 and GAD-7 assessments, written through the app's own transaction-level write
// (recordAssessmentTx): the scoring and the safety flag are the API's.
import type { Assessment, SafetyFlag } from '@/prisma/generated/client';
import type { AssessmentInstrument } from '@/lib/clinical/scoring';
import { recordAssessmentTx } from '@/lib/data/assessments/record';
import type { FactoryDb, PatientRef, UserRef } from './accounts';
import { nextStamp } from './dates';

const DEFAULT_ANSWERS: Record<AssessmentInstrument, number[]> = {
  PHQ9: [2, 1, 2, 2, 1, 1, 1, 0, 0],
  GAD7: [2, 1, 2, 1, 1, 1, 1],
};

export type AssessmentWithFlags = Assessment & { safetyFlags: SafetyFlag[] };

/**
 * A completed PHQ-9 or GAD-7, recorded as the API records it. A PHQ-9 with item 9 above 0
 * raises a SafetyFlag; pass `flagReviewedBy` to record it as already reviewed.
 */
export async function createAssessment(
  db: FactoryDb,
  patient: PatientRef,
  options: {
    instrument?: AssessmentInstrument;
    answers?: number[];
    completedAt?: Date;
    flagReviewedBy?: UserRef;
    flagReviewedAt?: Date;
  } = {},
): Promise<AssessmentWithFlags> {
  const instrument = options.instrument ?? 'PHQ9';
  const answers = options.answers ?? DEFAULT_ANSWERS[instrument];
  const completedAt = options.completedAt ?? nextStamp();
  const { id } = await recordAssessmentTx(db, patient, { instrument, answers }, completedAt);
  if (options.flagReviewedBy) {
    // The care team's review of the flag, as of an hour after the answers unless said otherwise.
    await db.safetyFlag.updateMany({
      where: { assessmentId: id },
      data: {
        reviewedById: options.flagReviewedBy.id,
        reviewedAt: options.flagReviewedAt ?? new Date(completedAt.getTime() + 3_600_000),
      },
    });
  }
  return db.assessment.findUniqueOrThrow({ where: { id }, include: { safetyFlags: true } });
}
