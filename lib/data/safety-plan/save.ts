// The one write of a safety-plan version, inside the caller's transaction: the same If-Match
// recipe as the treatment plan (lib/data/treatment-plans/save.ts): the first save makes the row,
// the version moves by a compare-and-set in SQL, a stale one is StalePlanError (412) naming the
// current version. The API (saveSafetyPlan in ./index.ts) wraps it with the access check, the
// audit; the demo seed and the test factories call it as it is, so they tell the patient as the
// API does (docs/decisions/022-inbox-items-in-the-event.md).
// No 'server-only' and no db import: the seed runs under plain Node.
import type { Tx } from '@/lib/db';
import { isClinician } from '@/lib/auth/viewer';
import { myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import {
  findSafetyPlan,
  safetyPlanVersionSelect,
  toSafetyPlanVersion,
} from '@/lib/data/safety-plan/shared';
import { StalePlanError } from '@/lib/errors';
import type { SafetyPlanContent, SafetyPlanVersion } from '@/lib/schemas/safety-plan';

/** The plan's row; the first save makes it, and a concurrent first save finds it and loses later. */
async function planRow(tx: Tx, patient: ScopedPatient, expectedVersion: number) {
  if (expectedVersion === 0) {
    await tx.$executeRaw`
      INSERT INTO "SafetyPlan" ("organizationId", "patientId", "currentVersion")
      VALUES (${patient.organizationId}::uuid, ${patient.id}::uuid, 0)
      ON CONFLICT ("patientId") DO NOTHING`;
  }
  const plan = await findSafetyPlan(tx, patient);
  if (!plan) throw new StalePlanError(0);
  return plan;
}

/**
 * SECURITY/integrity (no lost update): moves the plan from `expectedVersion` to the next in SQL,
 * or throws StalePlanError with the version that is current. Under concurrency the second UPDATE
 * waits for the first to commit, re-reads the row, no longer matches and changes nothing.
 */
async function compareAndSet(
  tx: Tx,
  patient: ScopedPatient,
  planId: string,
  expectedVersion: number,
): Promise<number> {
  const moved = await tx.$executeRaw`
    UPDATE "SafetyPlan" SET "currentVersion" = "currentVersion" + 1
    WHERE "id" = ${planId}::uuid AND "organizationId" = ${patient.organizationId}::uuid
      AND "currentVersion" = ${expectedVersion}`;
  if (moved !== 1) {
    const now = await findSafetyPlan(tx, patient);
    throw new StalePlanError(now?.currentVersion ?? 0);
  }
  return expectedVersion + 1;
}

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
  const plan = await planRow(tx, patient, expectedVersion);
  const version = await compareAndSet(tx, patient, plan.id, expectedVersion);
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
