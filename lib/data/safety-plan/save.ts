// The one write of a safety-plan version, inside the caller's transaction, through the If-Match
// recipe the treatment plan uses too (lib/data/versioned-plan.ts). The API (saveSafetyPlan in ./index.ts) wraps it with the access check, the
// audit; the demo seed and the test factories call it as it is, so they tell the patient as the
// API does (docs/decisions/022-inbox-items-in-the-event.md).
// No 'server-only' and no db import: the seed runs under plain Node.
import type { Tx } from '@/lib/db';
import { isClinician } from '@/lib/auth/viewer';
import { myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import {
  safetyPlanVersionSelect,
  toSafetyPlanVersion,
} from '@/lib/data/safety-plan/shared';
import { compareAndSetVersion, versionedPlanRow } from '@/lib/data/versioned-plan';
import type { SafetyPlanContent, SafetyPlanVersion } from '@/lib/schemas/safety-plan';

/**
 * Writes the next version of `patient`'s safety plan (`content`: SafetyPlanInput's output), by
 * `author`, when `expectedVersion` is still current; else StalePlanError. A version a clinician
 * writes tells the patient in their inbox (PLAN_VERSION: a plan of theirs changed). `at`
 * (default: now) is given by the seed. Writes no audit event: the API's wrapper adds it.
 */
export async function saveSafetyPlanTx(
  tx: Tx,
  patient: ScopedPatient,
  author: { id: string },
  expectedVersion: number,
  content: SafetyPlanContent,
  at?: Date,
): Promise<SafetyPlanVersion> {
  const plan = await versionedPlanRow(tx, 'SafetyPlan', patient, expectedVersion);
  const version = await compareAndSetVersion(tx, 'SafetyPlan', patient, plan.id, expectedVersion);
  const row = await tx.safetyPlanVersion.create({
    data: {
      ...patientScope(patient),
      planId: plan.id,
      version,
      content,
      authorId: author.id,
      ...(at ? { createdAt: at } : {}),
    },
    select: { id: true, ...safetyPlanVersionSelect },
  });
  const saved = toSafetyPlanVersion(row);
  if (isClinician(saved.author.role)) {
    await notifyTx(
      tx,
      patient,
      { patient: true },
      {
        kind: 'PLAN_VERSION',
        patientSummary: `${saved.author.name} updated your safety plan.`,
        patientLink: myCarePath('/safety-plan'),
        subjectId: row.id,
        actorId: author.id,
        at,
      },
    );
  }
  return saved;
}
