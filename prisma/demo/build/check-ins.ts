// Check-ins with their side effects and personal-measure values, several in three inserts.
import { randomUUID } from 'node:crypto';
import type {
  CheckIn,
  CheckInMeasureValue,
  CheckInSideEffect,
  Prisma,
  Severity,
} from '@/prisma/generated/client';
import type { FactoryDb, PatientRef } from './accounts';
import { dateOnly, nextStamp } from './dates';

export type CheckInSpec = {
  localDate?: Date;
  mood?: number;
  sleepHours?: number | null;
  sleepQuality?: number | null;
  appetite?: number | null;
  energy?: number | null;
  focus?: number | null;
  note?: string | null;
  sideEffects?: { name: string; severity: Severity }[];
  /** Values of the plan's personal measures, by the goal's goalKey. */
  measures?: { goalKey: string; value: number }[];
  createdAt?: Date;
};

export type CheckInWithDetails = CheckIn & {
  sideEffects: CheckInSideEffect[];
  measureValues: CheckInMeasureValue[];
};

/** Several check-ins (one per local date) in three inserts; returned in date order. */
export async function createCheckIns(
  db: FactoryDb,
  patient: PatientRef,
  specs: CheckInSpec[],
): Promise<CheckInWithDetails[]> {
  const organizationId = patient.organizationId;
  const checkIns: Prisma.CheckInCreateManyInput[] = [];
  const sideEffects: Prisma.CheckInSideEffectCreateManyInput[] = [];
  const measures: Prisma.CheckInMeasureValueCreateManyInput[] = [];
  for (const spec of specs) {
    const id = randomUUID();
    const localDate = spec.localDate ?? dateOnly();
    const createdAt = spec.createdAt ?? nextStamp();
    checkIns.push({
      id,
      organizationId,
      patientId: patient.id,
      localDate,
      mood: spec.mood ?? 6,
      sleepHours: spec.sleepHours === undefined ? 7 : spec.sleepHours,
      sleepQuality: spec.sleepQuality === undefined ? 3 : spec.sleepQuality,
      appetite: spec.appetite === undefined ? 3 : spec.appetite,
      energy: spec.energy === undefined ? 3 : spec.energy,
      focus: spec.focus === undefined ? 3 : spec.focus,
      note: spec.note ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    for (const effect of spec.sideEffects ?? []) {
      sideEffects.push({
        organizationId,
        patientId: patient.id,
        checkInId: id,
        name: effect.name,
        severity: effect.severity,
        reportedOn: localDate,
      });
    }
    for (const measure of spec.measures ?? []) {
      measures.push({
        organizationId,
        patientId: patient.id,
        checkInId: id,
        goalKey: measure.goalKey,
        value: measure.value,
        reportedOn: localDate,
      });
    }
  }
  await db.checkIn.createMany({ data: checkIns });
  if (sideEffects.length) await db.checkInSideEffect.createMany({ data: sideEffects });
  if (measures.length) await db.checkInMeasureValue.createMany({ data: measures });
  return db.checkIn.findMany({
    where: { id: { in: checkIns.map((c) => c.id!) } },
    include: { sideEffects: true, measureValues: true },
    orderBy: { localDate: 'asc' },
  });
}

export async function createCheckIn(
  db: FactoryDb,
  patient: PatientRef,
  spec: CheckInSpec = {},
): Promise<CheckInWithDetails> {
  const [checkIn] = await createCheckIns(db, patient, [spec]);
  return checkIn!;
}
