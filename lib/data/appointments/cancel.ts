// Cancelling visits inside the caller's transaction (docs/decisions/026-appointments.md). The API
// (./index.ts) wraps it with access, parsing and audit; the demo seed calls it directly. No
// 'server-only' and no db import.
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/scope';
import { myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import { lockClinicians } from '@/lib/data/appointments/shared';
import {
  claim,
  endSeriesBefore,
  laterScheduled,
  patientZone,
  readVisit,
  requestCleared,
  statusWords,
  type ChangeContext,
} from '@/lib/data/appointments/visits';
import { visitNoun, visitWhen } from '@/lib/data/appointments/words';
import { ConflictError } from '@/lib/errors';
import type { AppointmentCancel } from '@/lib/schemas/appointments';

/**
 * Cancel a visit of `patient` at `expectedVersion` (else StalePlanError, 412), SCHEDULED or
 * CHECKED_IN only (else 409), with the reason and who cancelled; `scope` FOLLOWING cancels the
 * later SCHEDULED visits of its series too, whose rule then ends before this visit. A cancelled
 * visit frees its slot. The patient is told.
 */
export async function cancelAppointmentTx(
  tx: Tx,
  patient: ScopedPatient,
  appointmentId: string,
  expectedVersion: number,
  cancel: AppointmentCancel,
  context: ChangeContext,
): Promise<void> {
  const at = context.at ?? new Date();
  const following = cancel.scope === 'FOLLOWING';
  if (following) {
    const before = await readVisit(tx, patient, appointmentId);
    const guess = await laterScheduled(tx, patient, before);
    await lockClinicians(tx, [before.clinicianId, ...guess.map((v) => v.clinicianId)]);
  }
  await claim(tx, patient, appointmentId, expectedVersion, at);
  const visit = await readVisit(tx, patient, appointmentId);
  if (visit.status !== 'SCHEDULED' && visit.status !== 'CHECKED_IN') {
    throw new ConflictError(
      `This visit is ${statusWords(visit.status)}: only a scheduled or checked-in visit can be cancelled.`,
    );
  }
  const later = following ? await laterScheduled(tx, patient, visit) : [];
  const cancelled = {
    status: 'CANCELLED',
    cancelledAt: at,
    cancelledById: context.actorId,
    cancelReason: cancel.reason,
    ...requestCleared,
    updatedAt: at,
  } as const;
  await tx.appointment.update({
    where: { id: visit.id, organizationId: patient.organizationId },
    data: cancelled,
  });
  if (later.length) {
    await tx.appointment.updateMany({
      where: {
        id: { in: later.map((v) => v.id) },
        organizationId: patient.organizationId,
        status: 'SCHEDULED',
      },
      data: { ...cancelled, version: { increment: 1 } },
    });
  }
  if (following && visit.series) await endSeriesBefore(tx, patient, visit.series, visit.startsAt);

  const clock = await patientZone(tx, patient, visit.series?.timeZone ?? context.timeZone ?? 'UTC');
  const noun = visitNoun(visit.kind);
  const when = visitWhen(visit.startsAt, clock);
  await notifyTx(
    tx,
    patient,
    { patient: true },
    {
      kind: 'APPOINTMENT_UPDATED',
      patientSummary: later.length
        ? `Your ${noun} on ${when} and the following ${later.length === 1 ? 'one' : later.length} in the series were cancelled.`
        : `Your ${noun} on ${when} was cancelled.`,
      patientLink: myCarePath('/appointments'),
      subjectId: visit.id,
      actorId: context.actorId,
      at,
    },
  );
}
