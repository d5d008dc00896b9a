import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { addDays, fromIsoDate } from '@/lib/calendar-date';
import {
  checkInSelect,
  currentPlanFacts,
  toCheckIn,
  type PersonalMeasure,
} from '@/lib/data/check-ins/shared';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess, type ScopedPatient } from '@/lib/data/patient-access';
import { lockFor } from '@/lib/data/recipes';
import { InvalidInputError, parseInput } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import type { Idempotency } from '@/lib/idempotency';
import { CheckInInput, type CheckInResult } from '@/lib/schemas/check-ins';

/** A check-in as parsed (defaults applied). */
type Parsed = z.output<typeof CheckInInput>;

/** The day is the patient's today: within a day of the server's (a 400 on localDate otherwise). */
function checkDay(localDate: string, now: Date) {
  const serverDate = toIsoDate(now);
  if (localDate < addDays(serverDate, -1) || localDate > addDays(serverDate, 1)) {
    throw InvalidInputError.field('localDate', 'A check-in is for today: use your own date today.');
  }
}

/** Every measure reported is one of the current plan's (a 400 on the measure otherwise). */
function checkMeasures(input: Parsed, measures: PersonalMeasure[]) {
  const known = new Set(measures.map((m) => m.goalKey));
  input.measures.forEach((measure, index) => {
    if (!known.has(measure.goalKey)) {
      throw InvalidInputError.field(
        `measures.${index}.goalKey`,
        'This is not a measure of your current plan.',
      );
    }
  });
}

/** Creates the day's check-in, or replaces the values of the one already there. */
async function upsertDay(tx: Tx, patient: ScopedPatient, input: Parsed) {
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
  if (!existing) {
    const created = await tx.checkIn.create({
      data: { ...scope, localDate, ...values },
      select: { id: true },
    });
    return { checkInId: created.id, updated: false };
  }
  const checkInId = existing.id;
  await tx.checkIn.update({ where: { id: checkInId }, data: values });
  await tx.checkInSideEffect.deleteMany({ where: { ...scope, checkInId } });
  await tx.checkInMeasureValue.deleteMany({ where: { ...scope, checkInId } });
  return { checkInId, updated: true };
}

/** Writes the day's side effects and measure values (the day's earlier ones are gone). */
async function writeReports(tx: Tx, patient: ScopedPatient, checkInId: string, input: Parsed) {
  const reported = {
    patientId: patient.id,
    organizationId: patient.organizationId,
    checkInId,
    reportedOn: fromIsoDate(input.localDate),
  };
  if (input.sideEffects.length > 0) {
    await tx.checkInSideEffect.createMany({
      data: input.sideEffects.map((effect) => ({
        ...reported,
        name: effect.name,
        severity: effect.severity,
      })),
    });
  }
  if (input.measures.length > 0) {
    await tx.checkInMeasureValue.createMany({
      data: input.measures.map((m) => ({ ...reported, goalKey: m.goalKey, value: m.value })),
    });
  }
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
  const record = async (tx: Tx, patient: ScopedPatient): Promise<CheckInResult> => {
    checkDay(input.localDate, now);
    const measures = (await currentPlanFacts(tx, patient))?.measures ?? [];
    checkMeasures(input, measures);
    // One writer per patient and day, so two quick submissions cannot both create the day's row.
    await lockFor(tx, 'check-in', patient.id, input.localDate);
    const { checkInId, updated } = await upsertDay(tx, patient, input);
    await writeReports(tx, patient, checkInId, input);
    const row = await tx.checkIn.findFirstOrThrow({
      where: { patientId: patient.id, organizationId: patient.organizationId, id: checkInId },
      select: checkInSelect,
    });
    return { checkIn: toCheckIn(row, measures), updated };
  };
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
        () => record(tx, patient),
        (result) => (result.updated ? 200 : 201),
      ),
    (result) => result.checkIn.id,
  );
}
