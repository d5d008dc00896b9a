// Completed PHQ-9 and GAD-7 assessments, written through the app's own transaction-level write
// (recordAssessmentTx): the scoring and the safety flag are the API's.
import type { Assessment, SafetyFlag } from '@/prisma/generated/client';
import type { AssessmentInstrument } from '@/lib/clinical/scoring';
import { recordAssessmentTx } from '@/lib/data/assessments/record';
import {
  acknowledgeSafetyFlagTx,
  resolveSafetyFlagTx,
  type Resolution,
} from '@/lib/data/safety-flags/lifecycle';
import type { FactoryDb, PatientRef, UserRef } from './accounts';
import { nextStamp } from './dates';

const DEFAULT_ANSWERS: Record<AssessmentInstrument, number[]> = {
  PHQ9: [2, 1, 2, 2, 1, 1, 1, 0, 0],
  GAD7: [2, 1, 2, 1, 1, 1, 1],
};

export type AssessmentWithFlags = Assessment & { safetyFlags: SafetyFlag[] };

/**
 * A completed PHQ-9 or GAD-7, recorded as the API records it. A PHQ-9 with item 9 above 0
 * raises a SafetyFlag; pass `flagResolved` to record it as acknowledged and resolved by a
 * clinician through the flag's own lifecycle (an hour after the answers, unless said otherwise).
 */
export async function createAssessment(
  db: FactoryDb,
  patient: PatientRef,
  options: {
    instrument?: AssessmentInstrument;
    answers?: number[];
    completedAt?: Date;
    flagResolved?: { by: UserRef & { name: string }; at?: Date } & Resolution;
  } = {},
): Promise<AssessmentWithFlags> {
  const instrument = options.instrument ?? 'PHQ9';
  const answers = options.answers ?? DEFAULT_ANSWERS[instrument];
  const completedAt = options.completedAt ?? nextStamp();
  const { id } = await recordAssessmentTx(db, patient, { instrument, answers }, completedAt);
  const resolved = options.flagResolved;
  if (resolved) {
    const at = resolved.at ?? new Date(completedAt.getTime() + 3_600_000);
    const flags = await db.safetyFlag.findMany({
      where: { assessmentId: id },
      select: { id: true },
    });
    for (const flag of flags) {
      await acknowledgeSafetyFlagTx(db, resolved.by, patient, flag.id, at);
      await resolveSafetyFlagTx(db, resolved.by, patient, flag.id, resolved, at);
    }
  }
  return db.assessment.findUniqueOrThrow({ where: { id }, include: { safetyFlags: true } });
}
