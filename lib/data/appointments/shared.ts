// What every appointment module reads the same way: the select, the answer's shape (with what each
// reader may see of it), the access to one appointment by its id, and the clinician lock.
// No 'server-only' here for the parts the seed uses (the select and the lock); the access helper
// reads the db client and lives in ./access.ts.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { can } from '@/lib/auth/policy';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { lockFor } from '@/lib/data/lock';
import { personSelect } from '@/lib/data/selects';
import type { Appointment } from '@/lib/schemas/appointments';

export const appointmentSelect = {
  id: true,
  patientId: true,
  clinicianId: true,
  startsAt: true,
  endsAt: true,
  kind: true,
  modality: true,
  location: true,
  videoUrl: true,
  status: true,
  version: true,
  checkedInAt: true,
  completedAt: true,
  cancelledAt: true,
  cancelReason: true,
  requestKind: true,
  requestReason: true,
  requestedAt: true,
  createdAt: true,
  patient: { select: { id: true, account: { select: { name: true } } } },
  clinician: { select: personSelect },
  cancelledBy: { select: personSelect },
  series: { select: { id: true, rrule: true, timeZone: true } },
  sessionNote: { select: { id: true } },
} as const satisfies Prisma.AppointmentSelect;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof appointmentSelect }>;

const MINUTE = 60_000;

/**
 * One appointment as `viewer` may read it. SECURITY (minimum necessary): an admin reads times,
 * people, kind and place, never the reasons given for a cancellation or a request
 * (appointment.readReasons); only clinicians learn which session note records it.
 */
export function toAppointment(row: AppointmentRow, viewer: Pick<Viewer, 'role'>): Appointment {
  const reasons = can(viewer, 'appointment.readReasons');
  return {
    id: row.id,
    patient: { id: row.patient.id, name: row.patient.account.name },
    clinician: { ...row.clinician, role: clinicianRole(row.clinician.role) },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    durationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / MINUTE),
    kind: row.kind,
    modality: row.modality,
    location: row.location,
    videoUrl: row.videoUrl,
    status: row.status,
    version: row.version,
    series: row.series,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelledBy: row.cancelledBy,
    cancelReason: reasons ? row.cancelReason : null,
    request:
      row.requestKind && row.requestedAt
        ? {
            kind: row.requestKind,
            reason: reasons ? row.requestReason : null,
            requestedAt: row.requestedAt.toISOString(),
          }
        : null,
    sessionNoteId: can(viewer, 'sessionNote.write') ? (row.sessionNote?.id ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A time slot a clinician is busy in: [startsAt, endsAt). */
export type Slot = { startsAt: Date; endsAt: Date };

/**
 * SECURITY/integrity (no double booking): serializes every booking and move of these clinicians'
 * visits until the transaction ends; several clinicians lock in one order, so two moves that swap
 * clinicians cannot deadlock.
 */
export async function lockClinicians(tx: Tx, clinicianIds: string[]): Promise<void> {
  for (const id of [...new Set(clinicianIds)].sort())
    await lockFor(tx, 'appointment-clinician', id);
}

/**
 * The first of `slots` that overlaps a visit of the clinician that is not cancelled (other than
 * those in `except`), with the visit it meets; null when all are free. Call under lockClinicians:
 * the read then sees every booking committed before the lock was granted. One query.
 */
export async function findClash(
  tx: Tx,
  organizationId: string,
  clinicianId: string,
  slots: Slot[],
  except: string[] = [],
): Promise<{ slot: Slot; taken: Slot & { id: string } } | null> {
  if (slots.length === 0) return null;
  const from = new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));
  const to = new Date(Math.max(...slots.map((s) => s.endsAt.getTime())));
  const taken = await tx.appointment.findMany({
    where: {
      organizationId,
      clinicianId,
      status: { not: 'CANCELLED' },
      startsAt: { lt: to },
      endsAt: { gt: from },
      ...(except.length ? { id: { notIn: except } } : {}),
    },
    select: { id: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: 'asc' },
  });
  for (const slot of slots) {
    const clash = taken.find((t) => t.startsAt < slot.endsAt && t.endsAt > slot.startsAt);
    if (clash) return { slot, taken: clash };
  }
  return null;
}
