// What the writes of ./change.ts and ./cancel.ts share: the visit as they read it, the claim of its
// version (If-Match), the end of a series' rule. No 'server-only' and no db import (the seed).
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/scope';
import { rruleEndingBefore } from '@/lib/data/appointments/recurrence';
import { NotFoundError, StalePlanError } from '@/lib/errors';
import { APPOINTMENT_STATUS_WORDS, type AppointmentStatus } from '@/lib/schemas/appointments';

/** Who changes a visit, when, and the clock a refusal says a time on when the visit has no series. */
export type ChangeContext = {
  actorId: string;
  /** The actor's own clock (the 409 of a clash on a visit outside a series says its time there). */
  timeZone?: string;
  at?: Date;
};

export const visitSelect = {
  id: true,
  clinicianId: true,
  seriesId: true,
  startsAt: true,
  endsAt: true,
  kind: true,
  modality: true,
  location: true,
  videoUrl: true,
  status: true,
  version: true,
  series: { select: { id: true, rrule: true, timeZone: true } },
} as const satisfies Prisma.AppointmentSelect;
export type Visit = Prisma.AppointmentGetPayload<{ select: typeof visitSelect }>;

/** The visit `id` of `patient`, as the writes read it (NotFoundError when it is not theirs). */
export async function readVisit(tx: Tx, patient: ScopedPatient, id: string): Promise<Visit> {
  const visit = await tx.appointment.findFirst({
    where: { id, patientId: patient.id, organizationId: patient.organizationId },
    select: visitSelect,
  });
  if (!visit) throw new NotFoundError('appointment');
  return visit;
}

/** The SCHEDULED visits of `visit`'s series that start after it, earliest first. */
export async function laterScheduled(
  tx: Tx,
  patient: ScopedPatient,
  visit: Visit,
): Promise<Visit[]> {
  if (!visit.seriesId) return [];
  return tx.appointment.findMany({
    where: {
      seriesId: visit.seriesId,
      patientId: patient.id,
      organizationId: patient.organizationId,
      status: 'SCHEDULED',
      startsAt: { gt: visit.startsAt },
    },
    select: visitSelect,
    orderBy: { startsAt: 'asc' },
  });
}

/**
 * SECURITY/integrity (no lost update): moves the visit from `expectedVersion` to the next in one
 * UPDATE, or throws StalePlanError (412) naming the version that is current. A concurrent claim
 * waits for this transaction, re-reads the row, no longer matches and changes nothing.
 */
export async function claim(
  tx: Tx,
  patient: ScopedPatient,
  id: string,
  expectedVersion: number,
  at: Date,
): Promise<void> {
  const moved = await tx.$executeRaw`
    UPDATE "Appointment" SET "version" = "version" + 1, "updatedAt" = ${at}
     WHERE "id" = ${id}::uuid AND "patientId" = ${patient.id}::uuid
       AND "organizationId" = ${patient.organizationId}::uuid AND "version" = ${expectedVersion}`;
  if (moved !== 1) {
    const now = await tx.appointment.findFirst({
      where: { id, patientId: patient.id, organizationId: patient.organizationId },
      select: { version: true },
    });
    if (!now) throw new NotFoundError('appointment');
    throw new StalePlanError(now.version, 'appointment');
  }
}

export const statusWords = (status: AppointmentStatus) =>
  APPOINTMENT_STATUS_WORDS[status].toLowerCase();

/** Clears the patient's open request: any change answers it. */
export const requestCleared = {
  requestKind: null,
  requestReason: null,
  requestedAt: null,
} as const;

/** The patient's own clock (their account's zone), else `fallback`. */
export async function patientZone(
  tx: Tx,
  patient: ScopedPatient,
  fallback: string,
): Promise<string> {
  const self = await tx.patient.findFirst({
    where: { id: patient.id, organizationId: patient.organizationId },
    select: { account: { select: { timeZone: true } } },
  });
  return self?.account.timeZone ?? fallback;
}

/**
 * Ends `seriesId`'s rule before `cut` (the first visit leaving it): COUNT the visits before it,
 * or UNTIL the second before it. Nothing before it: the rule stays as it is.
 */
export async function endSeriesBefore(
  tx: Tx,
  patient: ScopedPatient,
  series: { id: string; rrule: string },
  cut: Date,
): Promise<number> {
  const earlier = await tx.appointment.count({
    where: { seriesId: series.id, organizationId: patient.organizationId, startsAt: { lt: cut } },
  });
  if (earlier > 0) {
    await tx.appointmentSeries.updateMany({
      where: { id: series.id, organizationId: patient.organizationId },
      data: { rrule: rruleEndingBefore(series.rrule, earlier, cut) },
    });
  }
  return earlier;
}
