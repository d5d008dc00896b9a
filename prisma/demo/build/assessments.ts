// Completed PHQ-9 and GAD-7 assessments, scored by lib/clinical/scoring.ts, with their flag.
import type { Assessment, SafetyFlag } from '@/prisma/generated/client';
import { scoreAssessment, type AssessmentInstrument } from '@/lib/clinical/scoring';
import type { FactoryDb, PatientRef, UserRef } from './accounts';
import { nextStamp } from './dates';

const DEFAULT_ANSWERS: Record<AssessmentInstrument, number[]> = {
  PHQ9: [2, 1, 2, 2, 1, 1, 1, 0, 0],
  GAD7: [2, 1, 2, 1, 1, 1, 1],
};

export type AssessmentWithFlags = Assessment & { safetyFlags: SafetyFlag[] };

/**
 * A completed PHQ-9 or GAD-7, scored by lib/clinical/scoring.ts. A PHQ-9 with item 9 above 0
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
  const result = scoreAssessment(instrument, answers);
  const completedAt = options.completedAt ?? nextStamp();
  const assessment = await db.assessment.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      instrument,
      answers,
      score: result.score,
      severity: result.severity,
      safetyFlag: result.safetyFlag,
      completedAt,
    },
  });
  const safetyFlags: SafetyFlag[] = [];
  if (result.safetyFlag) {
    safetyFlags.push(
      await db.safetyFlag.create({
        data: {
          organizationId: patient.organizationId,
          patientId: patient.id,
          assessmentId: assessment.id,
          reason: `PHQ-9 item 9 (thoughts of self-harm) answered ${answers[8]} of 3.`,
          raisedAt: completedAt,
          reviewedById: options.flagReviewedBy?.id ?? null,
          reviewedAt: options.flagReviewedBy
            ? (options.flagReviewedAt ?? new Date(completedAt.getTime() + 3_600_000))
            : null,
        },
      }),
    );
  }
  return { ...assessment, safetyFlags };
}
