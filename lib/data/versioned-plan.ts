// The If-Match recipe of a versioned plan (the treatment plan, the safety plan): the first save
// makes the plan's row, the version moves by a compare-and-set in SQL, a stale save is
// StalePlanError (412) naming the current version (docs/decisions/009-treatment-plan-versions.md).
// No 'server-only' and no db import: the seed saves safety plans through it under plain Node.
import { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/scope';
import { StalePlanError } from '@/lib/errors';

/** The tables that hold one versioned plan per patient, and whether they keep an `updatedAt`. */
const TABLES = {
  TreatmentPlan: { touched: true },
  SafetyPlan: { touched: false },
} as const;
export type VersionedPlanTable = keyof typeof TABLES;

type PlanRow = { id: string; currentVersion: number };

async function findRow(tx: Tx, table: VersionedPlanTable, patient: ScopedPatient) {
  const rows = await tx.$queryRaw<PlanRow[]>`
    SELECT id::text AS id, "currentVersion" FROM ${Prisma.raw(`"${table}"`)}
     WHERE "patientId" = ${patient.id}::uuid AND "organizationId" = ${patient.organizationId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The plan's row; the first save (`expectedVersion` 0) makes it, and a concurrent first save
 * finds it and loses at the compare-and-set. No row and a version other than 0: StalePlanError(0).
 */
export async function versionedPlanRow(
  tx: Tx,
  table: VersionedPlanTable,
  patient: ScopedPatient,
  expectedVersion: number,
): Promise<PlanRow> {
  if (expectedVersion === 0) {
    const touched = TABLES[table].touched;
    await tx.$executeRaw`
      INSERT INTO ${Prisma.raw(`"${table}"`)}
             ("organizationId", "patientId", "currentVersion"${touched ? Prisma.raw(', "updatedAt"') : Prisma.empty})
      VALUES (${patient.organizationId}::uuid, ${patient.id}::uuid, 0${touched ? Prisma.raw(', now()') : Prisma.empty})
      ON CONFLICT ("patientId") DO NOTHING`;
  }
  const plan = await findRow(tx, table, patient);
  if (!plan) throw new StalePlanError(0);
  return plan;
}

/**
 * SECURITY/integrity (no lost update): moves the plan from `expectedVersion` to the next in SQL,
 * or throws StalePlanError with the version that is current. Under concurrency the second UPDATE
 * waits for the first to commit, re-reads the row, no longer matches and changes nothing.
 */
export async function compareAndSetVersion(
  tx: Tx,
  table: VersionedPlanTable,
  patient: ScopedPatient,
  planId: string,
  expectedVersion: number,
): Promise<number> {
  const touch = TABLES[table].touched ? Prisma.raw(', "updatedAt" = now()') : Prisma.empty;
  const moved = await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} SET "currentVersion" = "currentVersion" + 1${touch}
     WHERE "id" = ${planId}::uuid AND "organizationId" = ${patient.organizationId}::uuid
       AND "currentVersion" = ${expectedVersion}`;
  if (moved !== 1) {
    const now = await findRow(tx, table, patient);
    throw new StalePlanError(now?.currentVersion ?? 0);
  }
  return expectedVersion + 1;
}
