// The one write of a patient's check-in day: the day's values, side effects and personal-measure
// values, created or replacing the day's earlier ones, inside the caller's transaction. The API
// (recordCheckIn in ./record.ts) checks the day and the plan's measures and wraps it with access,
// audit and idempotency; the demo seed and the test factories call it as it is. No 'server-only'
// and no db import: the seed runs it from a plain Node script.
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import { fromIsoDate } from '@/lib/calendar-date';
import { isSuicidalitySideEffect } from '@/lib/clinical/suicidality';
import { lockFor } from '@/lib/data/lock';
import type { CheckInInput } from '@/lib/schemas/check-ins';
import { patientScope } from '@/lib/data/scope';
import { raiseSafetyFlagTx } from '@/lib/data/safety-flags/raise';

/** A check-in as parsed (defaults applied). */
export type CheckInData = z.output<typeof CheckInInput>;
type PatientRef = { id: string; organizationId: string };

/**
 * Records `input` as the patient's check-in of its day, in `tx`: `updated` when the day had one.
 * `at` (default: now) is given by the seed so the demo's check-ins read as recorded on their day.
 */
export async function recordCheckInTx(
  tx: Tx,
  patient: PatientRef,
  input: CheckInData,
  at?: Date,
): Promise<{ checkInId: string; localDate: Date; updated: boolean }> {
  // One writer per patient and day, so two quick submissions cannot both create the day's row.
  await lockFor(tx, 'check-in', patient.id, input.localDate);
  const day = await upsertDay(tx, patient, input, at);
  const checkIn = { id: day.checkInId, localDate: day.localDate };
  await writeReports(tx, patient, checkIn, input);
  await flagSuicidality(tx, patient, checkIn, input, at);
  await flagSevereSideEffect(tx, patient, checkIn, input, at);
  return day;
}

/** A check-in's key: "CheckIn" is partitioned by month of its day (decision 037). */
type CheckInKey = { id: string; localDate: Date };

/** Whether the day's check-in already raised a flag of `source` (its replacements raise none). */
async function alreadyFlagged(
  tx: Tx,
  patient: PatientRef,
  checkIn: CheckInKey,
  source: 'SEVERE_SIDE_EFFECT' | 'SUICIDALITY_SIDE_EFFECT',
) {
  const flag = await tx.safetyFlag.findFirst({
    where: { ...patientScope(patient), checkInId: checkIn.id, source },
    select: { id: true },
  });
  return flag !== null;
}

/**
 * SECURITY: clinical safety: thoughts that life isn't worth living or of self-harm, reported at any
 * severity, raise an urgent safety flag (as PHQ-9 item 9 above 0 does), written with the check-in
 * or not at all, once per day's check-in: replacing the day's check-in does not raise it again.
 */
async function flagSuicidality(
  tx: Tx,
  patient: PatientRef,
  checkIn: CheckInKey,
  input: CheckInData,
  at?: Date,
) {
  const reported = input.sideEffects.filter((effect) => isSuicidalitySideEffect(effect.name));
  if (reported.length === 0) return;
  if (await alreadyFlagged(tx, patient, checkIn, 'SUICIDALITY_SIDE_EFFECT')) return;
  const named = reported.map((e) => `“${e.name}” (${e.severity.toLowerCase()})`).join('; ');
  await raiseSafetyFlagTx(tx, patient, {
    source: 'SUICIDALITY_SIDE_EFFECT',
    urgency: 'URGENT',
    reason: `Thoughts of suicide or self-harm reported on the check-in: ${named}.`,
    checkIn,
    at,
  });
}

/**
 * Any other side effect reported as severe raises a high safety flag for the care team, once per
 * day's check-in: replacing the day's check-in does not raise it again. Suicidality is not
 * counted here: its own flag (above) is the one it raises, whatever its severity.
 */
async function flagSevereSideEffect(
  tx: Tx,
  patient: PatientRef,
  checkIn: CheckInKey,
  input: CheckInData,
  at?: Date,
) {
  const severe = input.sideEffects.filter(
    (effect) => effect.severity === 'SEVERE' && !isSuicidalitySideEffect(effect.name),
  );
  if (severe.length === 0) return;
  if (await alreadyFlagged(tx, patient, checkIn, 'SEVERE_SIDE_EFFECT')) return;
  await raiseSafetyFlagTx(tx, patient, {
    source: 'SEVERE_SIDE_EFFECT',
    urgency: 'HIGH',
    reason: `Severe side effect reported: ${severe.map((effect) => effect.name).join(', ')}.`,
    checkIn,
    at,
  });
}

/** Creates the day's check-in, or replaces the values of the one already there. */
async function upsertDay(tx: Tx, patient: PatientRef, input: CheckInData, at?: Date) {
  const localDate = fromIsoDate(input.localDate);
  const scope = patientScope(patient);
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
      data: { ...scope, localDate, ...values, ...(at && { createdAt: at, updatedAt: at }) },
      select: { id: true },
    });
    return { checkInId: created.id, localDate, updated: false };
  }
  const checkInId = existing.id;
  await tx.checkIn.update({ where: { id_localDate: { id: checkInId, localDate } }, data: values });
  await tx.checkInSideEffect.deleteMany({ where: { ...scope, checkInId } });
  await tx.checkInMeasureValue.deleteMany({ where: { ...scope, checkInId } });
  return { checkInId, localDate, updated: true };
}

/** Writes the day's side effects and measure values (the day's earlier ones are gone). */
async function writeReports(tx: Tx, patient: PatientRef, checkIn: CheckInKey, input: CheckInData) {
  // reportedOn is the check-in's day: with checkInId, the reference to it.
  const reported = {
    ...patientScope(patient),
    checkInId: checkIn.id,
    reportedOn: checkIn.localDate,
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
