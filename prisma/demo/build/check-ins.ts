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

/** A spec as the API's parsed input, with the builder's defaults (a mood of 6, 7 hours' sleep, 3s). */
function inputOf(spec: CheckInSpec): CheckInData {
  const or = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
  return {
    localDate: toIsoDate(spec.localDate ?? dateOnly()),
    mood: spec.mood ?? 6,
    sleepHours: or(spec.sleepHours, 7),
    sleepQuality: or(spec.sleepQuality, 3),
    appetite: or(spec.appetite, 3),
    energy: or(spec.energy, 3),
    focus: or(spec.focus, 3),
    note: spec.note ?? null,
    sideEffects: spec.sideEffects ?? [],
    measures: spec.measures ?? [],
  };
}

/**
 * Several check-ins (one per local date), each recorded as the API records it (recordCheckInTx);
 * returned in date order.
 */
export async function createCheckIns(
  db: FactoryDb,
  patient: PatientRef,
  specs: CheckInSpec[],
): Promise<CheckInWithDetails[]> {
  const recorded = [];
  for (const spec of specs) {
    recorded.push(await recordCheckInTx(db, patient, inputOf(spec), spec.createdAt ?? nextStamp()));
  }
  return db.checkIn.findMany({
    where: { id: { in: recorded.map((r) => r.checkInId) } },
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
