// Visits: booked through the app's own booking write (bookAppointmentsTx: the care-team check,
// the clinician lock, the overlap 409 and the patient's inbox item are the API's). The change and
// cancel writes of the API do not exist in this builder's reach, so a past visit's outcome is a
// small direct update here (documented below), the same columns those writes set.
import type { AppointmentKind, AppointmentModality } from '@/prisma/generated/client';
import type { AppointmentRepeat } from '@/lib/schemas/appointments';
import { bookAppointmentsTx } from '@/lib/data/appointments/book';
import type { FactoryDb, PatientRef, UserRef } from './accounts';

export type AppointmentOutcome =
  | { status: 'SCHEDULED' }
  | { status: 'CHECKED_IN'; at: Date }
  | { status: 'COMPLETED'; at: Date; sessionNoteId?: string }
  | { status: 'NO_SHOW'; at: Date }
  | { status: 'CANCELLED'; at: Date; by: UserRef; reason: string };

export type AppointmentSpec = {
  clinician: UserRef;
  bookedBy: UserRef;
  startsAt: Date;
  durationMinutes: number;
  kind: AppointmentKind;
  modality: AppointmentModality;
  location?: string;
  videoUrl?: string;
  /** The clock a series recurs on (default America/New_York). */
  timeZone?: string;
  repeat?: AppointmentRepeat;
  /** When it was booked (default: now). */
  bookedAt?: Date;
  /** Applied to the first visit only (default: SCHEDULED). */
  outcome?: AppointmentOutcome;
};

/**
 * Books a visit (or a series) through bookAppointmentsTx, then records the first visit's outcome.
 * The outcome is a direct update of the columns the API's status and cancel writes set
 * (status, checkedInAt / completedAt / cancelledAt + cancelledById + cancelReason, version + 1)
 * and, for a COMPLETED visit with a note, SessionNote.appointmentId. No status rule is checked
 * here: the builder is told a history, not asked for a change. Returns the booked ids.
 */
export async function createAppointment(
  db: FactoryDb,
  patient: PatientRef,
  spec: AppointmentSpec,
): Promise<{ ids: string[]; seriesId: string | null }> {
  const booked = await bookAppointmentsTx(
    db,
    patient,
    spec.bookedBy.id,
    {
      clinicianId: spec.clinician.id,
      startsAt: spec.startsAt,
      durationMinutes: spec.durationMinutes,
      kind: spec.kind,
      modality: spec.modality,
      location: spec.location,
      videoUrl: spec.videoUrl,
      timeZone: spec.timeZone ?? 'America/New_York',
      repeat: spec.repeat,
    },
    spec.bookedAt ?? new Date(),
  );
  const outcome = spec.outcome;
  if (outcome && outcome.status !== 'SCHEDULED') {
    await recordOutcome(db, patient, booked.ids[0]!, outcome);
  }
  return booked;
}

/** The outcome of one booked visit (see createAppointment). */
export async function recordOutcome(
  db: FactoryDb,
  patient: PatientRef,
  appointmentId: string,
  outcome: Exclude<AppointmentOutcome, { status: 'SCHEDULED' }>,
): Promise<void> {
  const where = { id: appointmentId, organizationId: patient.organizationId };
  const common = { status: outcome.status, version: { increment: 1 }, updatedAt: outcome.at };
  switch (outcome.status) {
    case 'CHECKED_IN':
      await db.appointment.update({ where, data: { ...common, checkedInAt: outcome.at } });
      return;
    case 'COMPLETED':
      await db.appointment.update({ where, data: { ...common, completedAt: outcome.at } });
      if (outcome.sessionNoteId) {
        // Raw, so the note's updatedAt stays what its history wrote.
        await db.$executeRaw`
          UPDATE "SessionNote" SET "appointmentId" = ${appointmentId}::uuid
           WHERE id = ${outcome.sessionNoteId}::uuid AND "patientId" = ${patient.id}::uuid`;
      }
      return;
    case 'NO_SHOW':
      await db.appointment.update({ where, data: common });
      return;
    case 'CANCELLED':
      await db.appointment.update({
        where,
        data: {
          ...common,
          cancelledAt: outcome.at,
          cancelledById: outcome.by.id,
          cancelReason: outcome.reason,
        },
      });
      return;
  }
}
