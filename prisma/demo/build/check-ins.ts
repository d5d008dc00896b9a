// Check-ins with their side effects and personal-measure values, written through the app's own
// transaction-level write (recordCheckInTx): the day's values and reports are written as the API
// writes them.
import type {
  CheckIn,
  CheckInMeasureValue,
  CheckInSideEffect,
  Severity,
} from '@/prisma/generated/client';
import { toIsoDate } from '@/lib/calendar-date';
import { recordCheckInTx, type CheckInData } from '@/lib/data/check-ins/record-day';
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

/**
 * Several check-ins (one per local date), each recorded as the API records it (recordCheckInTx);
 * returned in date order.
 */
export async function createCheckIns(
  db: FactoryDb,
  patient: PatientRef,
  specs: CheckInSpec[],
): Promise<CheckInWithDetails[]> {
  const ids: string[] = [];
  for (const spec of specs) {
    const input: CheckInData = {
      localDate: toIsoDate(spec.localDate ?? dateOnly()),
      mood: spec.mood ?? 6,
      sleepHours: spec.sleepHours === undefined ? 7 : spec.sleepHours,
      sleepQuality: spec.sleepQuality === undefined ? 3 : spec.sleepQuality,
      appetite: spec.appetite === undefined ? 3 : spec.appetite,
      energy: spec.energy === undefined ? 3 : spec.energy,
      focus: spec.focus === undefined ? 3 : spec.focus,
      note: spec.note ?? null,
      sideEffects: spec.sideEffects ?? [],
      measures: spec.measures ?? [],
    };
    const { checkInId } = await recordCheckInTx(db, patient, input, spec.createdAt ?? nextStamp());
    ids.push(checkInId);
  }
  return db.checkIn.findMany({
    where: { id: { in: ids } },
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
