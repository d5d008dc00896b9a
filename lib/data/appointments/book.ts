// Booking a visit or a series, inside the caller's transaction (docs/decisions/026-appointments.md).
// The API (./index.ts) wraps it with access, parsing, idempotency and audit; the demo seed calls it
// directly. No 'server-only' and no db import.
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/scope';
import { myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import { findClash, lockClinicians, type Slot } from '@/lib/data/appointments/shared';
import { occurrenceStarts, rruleText } from '@/lib/data/appointments/recurrence';
import { visitNoun, visitWhen } from '@/lib/data/appointments/words';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import type { AppointmentInput } from '@/lib/schemas/appointments';

export type Booking = Omit<AppointmentInput, 'patientId' | 'startsAt' | 'timeZone'> & {
  startsAt: Date;
  /** The clock a series recurs on. */
  timeZone: string;
};

const MINUTE = 60_000;

/**
 * SECURITY: the clinician of a visit is an active, enabled member of the patient's care team in
 * the patient's organization (so every visit on a clinician's day is a patient they may open).
 * Anyone else: InvalidInputError on `clinicianId` (400).
 */
export async function assertTeamClinician(
  tx: Tx,
  patient: ScopedPatient,
  clinicianId: string,
): Promise<void> {
  const member = await tx.careTeamMembership.findFirst({
    where: {
      patientId: patient.id,
      organizationId: patient.organizationId,
      clinicianId,
      endedAt: null,
      clinician: { organizationId: patient.organizationId, disabledAt: null },
    },
    select: { id: true },
  });
  if (!member) {
    throw InvalidInputError.field('clinicianId', 'Choose a clinician on this patient’s care team.');
  }
}

/** The 409 of a slot the clinician already has a visit in, next to the start field. */
export function clashError(slot: Slot, timeZone: string): ConflictError {
  return new ConflictError(
    `The clinician already has a visit then: ${visitWhen(slot.startsAt, timeZone)} overlaps another booking.`,
    'startsAt',
  );
}

/**
 * Books one visit, or every visit of a series (`repeat`), for `patient` with `booking.clinicianId`,
 * booked by `bookedById`. Under the clinician's lock: any overlap with a visit that is not
 * cancelled is a ConflictError (409) and books nothing, so of concurrent attempts at one slot
 * exactly one succeeds. The patient gets one inbox item. Returns the ids, earliest first.
 */
export async function bookAppointmentsTx(
  tx: Tx,
  patient: ScopedPatient,
  bookedById: string,
  booking: Booking,
  at: Date = new Date(),
): Promise<{ ids: string[]; seriesId: string | null }> {
  await assertTeamClinician(tx, patient, booking.clinicianId);
  const starts = booking.repeat
    ? occurrenceStarts(booking.startsAt, booking.timeZone, booking.repeat)
    : [booking.startsAt];
  const slots = starts.map((startsAt) => ({
    startsAt,
    endsAt: new Date(startsAt.getTime() + booking.durationMinutes * MINUTE),
  }));
  await lockClinicians(tx, [booking.clinicianId]);
  const clash = await findClash(tx, patient.organizationId, booking.clinicianId, slots);
  if (clash) throw clashError(clash.slot, booking.timeZone);

  const series = booking.repeat
    ? await tx.appointmentSeries.create({
        data: {
          organizationId: patient.organizationId,
          patientId: patient.id,
          clinicianId: booking.clinicianId,
          rrule: rruleText(booking.timeZone, booking.repeat),
          timeZone: booking.timeZone,
          createdAt: at,
        },
        select: { id: true },
      })
    : null;
  const rows = await tx.appointment.createManyAndReturn({
    data: slots.map((slot) => ({
      organizationId: patient.organizationId,
      patientId: patient.id,
      clinicianId: booking.clinicianId,
      seriesId: series?.id ?? null,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      kind: booking.kind,
      modality: booking.modality,
      location: booking.location ?? null,
      videoUrl: booking.videoUrl ?? null,
      bookedById,
      createdAt: at,
      updatedAt: at,
    })),
    select: { id: true, startsAt: true },
  });
  const ids = rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map((r) => r.id);

  const self = await tx.patient.findFirst({
    where: { id: patient.id, organizationId: patient.organizationId },
    select: { account: { select: { timeZone: true } } },
  });
  const when = visitWhen(slots[0]!.startsAt, self?.account.timeZone ?? booking.timeZone);
  const noun = visitNoun(booking.kind);
  await notifyTx(
    tx,
    patient,
    { patient: true },
    {
      kind: 'APPOINTMENT_UPDATED',
      patientSummary:
        slots.length > 1
          ? `${slots.length} ${noun}s were booked for you, the first on ${when}.`
          : `A ${noun} was booked for you on ${when}.`,
      patientLink: myCarePath('/appointments'),
      subjectId: ids[0],
      actorId: bookedById,
      at,
    },
  );
  return { ids, seriesId: series?.id ?? null };
}
