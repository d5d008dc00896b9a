import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { daysBetween } from '@/lib/data/recipes';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { toIsoDate } from '@/lib/format';
import { CHECK_IN_RANGE_MAX_DAYS, type CheckIn } from '@/lib/schemas/check-ins';

/** A personal measure of the current plan version: what the patient reports in a check-in. */
export type PersonalMeasure = {
  goalKey: string;
  description: string;
  /** The goal as the patient reads it, when the care team wrote it for them. */
  patientWording: string | null;
  name: string | null;
  unit: string | null;
  direction: 'AT_MOST' | 'AT_LEAST' | null;
  targetValue: number | null;
};

export type CurrentPlanFacts = {
  assessmentIntervalDays: number;
  reviewBy: string | null;
  measures: PersonalMeasure[];
};

/**
 * The current plan version's facts the patient's reports depend on (lib/data only, inside a
 * withPatientAccess transaction): the assessment interval, the review date and the personal
 * measures. Null when the patient has no plan yet.
 */
export async function currentPlanFacts(
  tx: Tx,
  patient: ScopedPatient,
): Promise<CurrentPlanFacts | null> {
  const current = await currentPlanVersion(tx, patient, {
    assessmentIntervalDays: true,
    reviewBy: true,
    goals: {
      where: { measureKind: 'PERSONAL' },
      orderBy: { position: 'asc' },
      take: 50,
      select: {
        goalKey: true,
        description: true,
        patientWording: true,
        measureName: true,
        measureUnit: true,
        direction: true,
        targetValue: true,
      },
    },
  });
  if (!current) return null;
  const { version } = current;
  return {
    assessmentIntervalDays: version.assessmentIntervalDays,
    reviewBy: version.reviewBy ? toIsoDate(version.reviewBy) : null,
    measures: version.goals.map((g) => ({
      goalKey: g.goalKey,
      description: g.description,
      patientWording: g.patientWording,
      name: g.measureName,
      unit: g.measureUnit,
      direction: g.direction,
      targetValue: g.targetValue,
    })),
  };
}

/** The day's ratings of a check-in: what its answer and the trends' series both read. */
export const checkInRatings = {
  mood: true,
  sleepHours: true,
  sleepQuality: true,
  appetite: true,
  energy: true,
  focus: true,
} as const satisfies Prisma.CheckInSelect;

export const checkInSelect = {
  id: true,
  localDate: true,
  ...checkInRatings,
  note: true,
  createdAt: true,
  updatedAt: true,
  sideEffects: { orderBy: { name: 'asc' }, select: { name: true, severity: true } },
  measureValues: { select: { goalKey: true, value: true } },
} satisfies Prisma.CheckInSelect;

type CheckInRow = Prisma.CheckInGetPayload<{ select: typeof checkInSelect }>;

export function toCheckIn(row: CheckInRow, measures: PersonalMeasure[]): CheckIn {
  const byKey = new Map(measures.map((m) => [m.goalKey, m]));
  return {
    id: row.id,
    localDate: toIsoDate(row.localDate),
    mood: row.mood,
    sleepHours: row.sleepHours === null ? null : Number(row.sleepHours.toString()),
    sleepQuality: row.sleepQuality,
    appetite: row.appetite,
    energy: row.energy,
    focus: row.focus,
    note: row.note,
    sideEffects: row.sideEffects,
    measures: row.measureValues.map((m) => ({
      goalKey: m.goalKey,
      name: byKey.get(m.goalKey)?.name ?? null,
      unit: byKey.get(m.goalKey)?.unit ?? null,
      value: m.value,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Check-ins of a date range inside a withPatientAccess transaction (lib/data only), newest first. */
export async function checkInsBetween(
  tx: Tx,
  patient: ScopedPatient,
  from: string,
  to: string,
  measures: PersonalMeasure[],
): Promise<CheckIn[]> {
  // Bounded by date along the (patientId, localDate) unique index: at most one row a day.
  const rows = await tx.checkIn.findMany({
    where: { ...patientScope(patient), localDate: daysBetween(from, to) },
    orderBy: { localDate: 'desc' },
    take: CHECK_IN_RANGE_MAX_DAYS + 1,
    select: checkInSelect,
  });
  return rows.map((row) => toCheckIn(row, measures));
}
