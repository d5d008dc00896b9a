import 'server-only';
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { markAudited, recordAccess } from '@/lib/data/audit';
import { recordRefusal, withPatientAccess, type PatientAccess } from '@/lib/data/patient-access';
import type { ScopedPatient } from '@/lib/data/scope';
import { appointmentSelect, type AppointmentRow } from '@/lib/data/appointments/shared';
import { NotFoundError } from '@/lib/errors';

const Id = z.guid();

/**
 * The one road to an appointment by its id: SECURITY: found only when its patient is in the
 * viewer's scope (scope in the query: a patient's own, an admin's organization, a clinician's
 * active care teams), else NotFoundError (404) audited as a denial naming the requested id; then
 * withPatientAccess (role check, one transaction, the audit event with the appointment's id).
 * `work` gets the row, read again inside the transaction.
 */
export async function withAppointmentAccess<T>(
  viewer: Viewer,
  appointmentId: string,
  access: Omit<PatientAccess, 'resourceId'>,
  work: (tx: Tx, patient: ScopedPatient, row: AppointmentRow) => Promise<T>,
): Promise<T> {
  const found = Id.safeParse(appointmentId).success
    ? await db.appointment.findFirst({
        where: {
          id: appointmentId,
          organizationId: viewer.organizationId,
          patient: patientsInScope(viewer),
        },
        select: { patientId: true },
      })
    : null;
  if (!found) {
    await db.$transaction((tx) =>
      recordAccess(tx, viewer, access.action, access.resourceType, {
        resourceId: appointmentId,
        outcome: 'DENIED',
        detail: 'not-found',
      }),
    );
    throw markAudited(new NotFoundError('appointment'));
  }
  return withPatientAccess(
    viewer,
    found.patientId,
    { ...access, resourceId: appointmentId },
    async (tx, patient) => {
      const row = await findAppointmentRow(tx, patient, appointmentId);
      return work(tx, patient, row);
    },
  );
}

/** The appointment `id` of `patient` (NotFoundError when it is not theirs). */
export async function findAppointmentRow(
  tx: Tx,
  patient: ScopedPatient,
  id: string,
): Promise<AppointmentRow> {
  const row = await tx.appointment.findFirst({
    where: { id, patientId: patient.id, organizationId: patient.organizationId },
    select: appointmentSelect,
  });
  if (!row) throw new NotFoundError('appointment');
  return row;
}

/**
 * SECURITY: records a refusal on an appointment's route that no lib/data function recorded (a
 * body that fails validation, a missing If-Match), as lib/api/refusals.ts does for a patient's
 * routes: with the appointment's patient when the viewer may see it, else with the requested id
 * only (never a patient of another scope). One indexed lookup.
 */
export async function recordAppointmentRefusal(
  viewer: Viewer,
  appointmentId: string,
  action: PatientAccess['action'],
  status: number,
): Promise<void> {
  const found = Id.safeParse(appointmentId).success
    ? await db.appointment.findFirst({
        where: {
          id: appointmentId,
          organizationId: viewer.organizationId,
          patient: patientsInScope(viewer),
        },
        select: { patientId: true },
      })
    : null;
  await recordRefusal(viewer, {
    // Out of scope, the requested id is recorded as the resource, never as a patient.
    requestedPatientId: found?.patientId ?? appointmentId,
    resourceId: found ? appointmentId : undefined,
    action,
    resourceType: 'appointment',
    status,
  });
}
