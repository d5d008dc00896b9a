import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { notifyTx } from '@/lib/data/notifications/notify';
import { withAppointmentAccess } from '@/lib/data/appointments/access';
import { appointmentSelect, toAppointment } from '@/lib/data/appointments/shared';
import { visitNoun, visitWhen } from '@/lib/data/appointments/words';
import { ConflictError, parseInput } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import { AppointmentRequestInput, type Appointment } from '@/lib/schemas/appointments';

/** The clinician's inbox link to a visit. */
export const appointmentPath = (id: string) => `/appointments/${id}`;

/**
 * The patient alone (appointment.requestChange; clinicians and admins 403, anyone else 404): asks
 * to cancel or move one of their scheduled visits that has not started, with a reason. The
 * request is stored on the visit (its version does not change: it is not a change of the visit)
 * and reaches the visit's clinician's inbox, worded on the clinician's clock. A visit that is not
 * SCHEDULED or has started: 409; a second request while one is open: 409 on `kind`. Audited as
 * 'requestChange' of the appointment. Once per Idempotency-Key.
 */
export async function requestAppointmentChange(
  viewer: Viewer,
  appointmentId: string,
  input: z.input<typeof AppointmentRequestInput>,
  idempotency?: Idempotency,
  now: Date = new Date(),
): Promise<Appointment> {
  const data = parseInput(AppointmentRequestInput, input);
  return withAppointmentAccess(
    viewer,
    appointmentId,
    {
      permission: 'appointment.requestChange',
      action: 'requestChange',
      resourceType: 'appointment',
    },
    (tx, patient, row) =>
      idempotent(
        tx,
        viewer,
        idempotency,
        { appointmentId, ...data },
        async () => {
          if (row.status !== 'SCHEDULED' || row.startsAt <= now) {
            throw new ConflictError(
              'This visit can no longer be changed through a request: it has started, ended or was cancelled.',
            );
          }
          if (row.requestedAt) {
            throw new ConflictError(
              'You already asked about this visit. Your care team will get back to you.',
              'kind',
            );
          }
          // Written only while still unanswered: two requests at once cannot both land.
          const { count } = await tx.appointment.updateMany({
            where: { id: row.id, patientId: patient.id, status: 'SCHEDULED', requestedAt: null },
            data: { requestKind: data.kind, requestReason: data.reason, requestedAt: now },
          });
          if (count !== 1) {
            throw new ConflictError(
              'You already asked about this visit. Your care team will get back to you.',
              'kind',
            );
          }
          const clinician = await tx.user.findFirst({
            where: { id: row.clinicianId, organizationId: patient.organizationId },
            select: { timeZone: true },
          });
          const ask = data.kind === 'CANCEL' ? 'cancel' : 'reschedule';
          const when = visitWhen(row.startsAt, clinician?.timeZone ?? 'UTC');
          await notifyTx(
            tx,
            patient,
            { clinicianId: row.clinicianId },
            {
              kind: 'APPOINTMENT_CHANGE_REQUESTED',
              careTeamSummary: `${row.patient.account.name} asked to ${ask} the ${visitNoun(row.kind)} on ${when}: “${data.reason}”`,
              careTeamLink: appointmentPath(row.id),
              subjectId: row.id,
              actorId: viewer.userId,
              at: now,
            },
          );
          const updated = await tx.appointment.findFirstOrThrow({
            where: { id: row.id, patientId: patient.id },
            select: appointmentSelect,
          });
          return toAppointment(updated, viewer);
        },
        () => 200,
      ),
  );
}
