import 'server-only';
import type { Idempotency } from '@/lib/idempotency';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess, type ScopedPatient } from '@/lib/data/patient-access';
import { toIsoDate } from '@/lib/format';
import {
  CheckInInput,
  CheckInListQuery,
  CHECK_IN_RANGE_MAX_DAYS,
  type CheckIn,
  type CheckInList,
  type CheckInResult,
} from '@/lib/schemas/check-ins';

import { addDays, daysBetween, fromIsoDate } from '@/lib/calendar-date';
import { InvalidInputError, parseInput } from '@/lib/errors';

export type { CheckIn, CheckInList, CheckInResult } from '@/lib/schemas/check-ins';

/** A personal measure of the current plan version: what the patient reports in a check-in. */
export type PersonalMeasure = {
  goalKey: string;
  description: string;
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
  const plan = await tx.treatmentPlan.findFirst({
    where: { patientId: patient.id, organizationId: patient.organizationId },
    select: { id: true, currentVersion: true },
  });
  if (!plan) return null;
  const version = await tx.treatmentPlanVersion.findFirst({
    where: {
      planId: plan.id,
      version: plan.currentVersion,
      organizationId: patient.organizationId,
    },
    select: {
      assessmentIntervalDays: true,
      reviewBy: true,
      goals: {
        where: { measureKind: 'PERSONAL' },
        orderBy: { position: 'asc' },
        take: 50,
        select: {
          goalKey: true,
          description: true,
          measureName: true,
          measureUnit: true,
          direction: true,
          targetValue: true,
        },
      },
    },
  });
  if (!version) return null;
  return {
    assessmentIntervalDays: version.assessmentIntervalDays,
    reviewBy: version.reviewBy ? toIsoDate(version.reviewBy) : null,
    measures: version.goals.map((g) => ({
      goalKey: g.goalKey,
      description: g.description,
      name: g.measureName,
      unit: g.measureUnit,
      direction: g.direction,
      targetValue: g.targetValue,
    })),
  };
}

const checkInSelect = {
  id: true,
  localDate: true,
  mood: true,
  sleepHours: true,
  sleepQuality: true,
  appetite: true,
  energy: true,
  focus: true,
  note: true,
  createdAt: true,
  updatedAt: true,
  sideEffects: { orderBy: { name: 'asc' }, select: { name: true, severity: true } },
  measureValues: { select: { goalKey: true, value: true } },
} satisfies Prisma.CheckInSelect;

type CheckInRow = Prisma.CheckInGetPayload<{ select: typeof checkInSelect }>;

function toCheckIn(row: CheckInRow, measures: PersonalMeasure[]): CheckIn {
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

/**
 * The patient themself: records today's check-in (their own calendar day, within a day of the
 * server's), or replaces the one already recorded that day with its side effects and measures.
 * Clinicians on the team get ForbiddenError, anyone else NotFoundError. A personal measure must
 * be one of the current plan's (400 otherwise); nothing is written when anything is invalid.
 */
export async function recordCheckIn(
  viewer: Viewer,
  patientId: string,
  raw: CheckInInput,
  idempotency?: Idempotency,
  now: Date = new Date(),
): Promise<CheckInResult> {
  const input = parseInput(CheckInInput, raw);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'checkIn.create', action: 'create', resourceType: 'checkIn' },
    (tx, patient) =>
      idempotent(
        tx,
        viewer,
        idempotency,
        input,
        async () => {
          const serverDate = toIsoDate(now);
          if (
            input.localDate < addDays(serverDate, -1) ||
            input.localDate > addDays(serverDate, 1)
          ) {
            throw InvalidInputError.field(
              'localDate',
              'A check-in is for today: use your own date today.',
            );
          }
          const plan = await currentPlanFacts(tx, patient);
          const measures = plan?.measures ?? [];
          const known = new Set(measures.map((m) => m.goalKey));
          input.measures.forEach((measure, index) => {
            if (!known.has(measure.goalKey)) {
              throw InvalidInputError.field(
                `measures.${index}.goalKey`,
                'This is not a measure of your current plan.',
              );
            }
          });

          // One writer per patient and day, so two quick submissions cannot both create the day's row.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`check-in:${patient.id}:${input.localDate}`}))`;
          const localDate = fromIsoDate(input.localDate);
          const scope = { patientId: patient.id, organizationId: patient.organizationId };
          const existing = await tx.checkIn.findFirst({
            where: { ...scope, localDate },
            select: { id: true },
          });
          const values = {
            mood: input.mood,
            sleepHours: input.sleepHours ?? null,
            sleepQuality: input.sleepQuality ?? null,
            appetite: input.appetite ?? null,
            energy: input.energy ?? null,
            focus: input.focus ?? null,
            note: input.note?.trim() ? input.note : null,
          };
          let checkInId: string;
          if (existing) {
            checkInId = existing.id;
            await tx.checkIn.update({ where: { id: existing.id }, data: values });
            await tx.checkInSideEffect.deleteMany({ where: { ...scope, checkInId } });
            await tx.checkInMeasureValue.deleteMany({ where: { ...scope, checkInId } });
          } else {
            checkInId = (
              await tx.checkIn.create({
                data: { ...scope, localDate, ...values },
                select: { id: true },
              })
            ).id;
          }
          if (input.sideEffects.length > 0) {
            await tx.checkInSideEffect.createMany({
              data: input.sideEffects.map((effect) => ({
                ...scope,
                checkInId,
                name: effect.name,
                severity: effect.severity,
                reportedOn: localDate,
              })),
            });
          }
          if (input.measures.length > 0) {
            await tx.checkInMeasureValue.createMany({
              data: input.measures.map((measure) => ({
                ...scope,
                checkInId,
                goalKey: measure.goalKey,
                value: measure.value,
                reportedOn: localDate,
              })),
            });
          }
          const row = await tx.checkIn.findFirstOrThrow({
            where: { ...scope, id: checkInId },
            select: checkInSelect,
          });
          return { checkIn: toCheckIn(row, measures), updated: existing !== null };
        },
        (result) => (result.updated ? 200 : 201),
      ),
    (result) => result.checkIn.id,
  );
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
    where: {
      patientId: patient.id,
      organizationId: patient.organizationId,
      localDate: { gte: fromIsoDate(from), lte: fromIsoDate(to) },
    },
    orderBy: { localDate: 'desc' },
    take: CHECK_IN_RANGE_MAX_DAYS + 1,
    select: checkInSelect,
  });
  return rows.map((row) => toCheckIn(row, measures));
}

/**
 * The patient and clinicians on their team: check-ins from `from` to `to` (default the last 30
 * days; at most 366 days), newest first. Admins get ForbiddenError, anyone else NotFoundError.
 */
export async function listCheckIns(
  viewer: Viewer,
  patientId: string,
  query: CheckInListQuery = {},
  now: Date = new Date(),
): Promise<CheckInList> {
  const parsed = parseInput(CheckInListQuery, query);
  const to = parsed.to ?? addDays(toIsoDate(now), 1);
  const from = parsed.from ?? addDays(to, -30);
  if (daysBetween(from, to) >= CHECK_IN_RANGE_MAX_DAYS) {
    throw InvalidInputError.field(
      'from',
      `Ask for at most ${CHECK_IN_RANGE_MAX_DAYS} days at a time.`,
    );
  }
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'checkIn.read', action: 'read', resourceType: 'checkIn' },
    async (tx, patient) => {
      const plan = await currentPlanFacts(tx, patient);
      const items = await checkInsBetween(tx, patient, from, to, plan?.measures ?? []);
      return { items, from, to };
    },
  );
}

export type CheckInForm = {
  patientId: string;
  /** What the prescriber asked to watch for, from the current regimen, without repeats. */
  watchFor: string[];
  measures: PersonalMeasure[];
  /** Check-ins of the days around the server's today, so the browser finds its own today's. */
  recent: CheckIn[];
};

/**
 * The patient themself: what the check-in form offers (side effects to watch for, the plan's
 * personal measures) and the check-ins of the last two days, to update today's.
 */
export async function getCheckInForm(
  viewer: Viewer,
  patientId: string,
  now: Date = new Date(),
): Promise<CheckInForm> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'checkIn.create', action: 'read', resourceType: 'checkIn' },
    async (tx, patient) => {
      const plan = await currentPlanFacts(tx, patient);
      const measures = plan?.measures ?? [];
      const states = await tx.medicationState.findMany({
        where: {
          patientId: patient.id,
          organizationId: patient.organizationId,
          status: { in: ['ACTIVE', 'HELD'] },
        },
        orderBy: { medication: 'asc' },
        take: 100,
        select: { lastChange: { select: { monitorFor: true } } },
      });
      const seen = new Map<string, string>();
      for (const term of states.flatMap((s) => s.lastChange.monitorFor)) {
        const key = term.trim().toLowerCase();
        if (key && !seen.has(key)) seen.set(key, term.trim());
      }
      const today = toIsoDate(now);
      const recent = await checkInsBetween(
        tx,
        patient,
        addDays(today, -1),
        addDays(today, 1),
        measures,
      );
      return { patientId: patient.id, watchFor: [...seen.values()], measures, recent };
    },
  );
}
