import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { withPatientAccess } from '@/lib/data/patient-access';
import { afterKey, keysetPage, patientList, type Page } from '@/lib/data/recipes';
import type { ScopedPatient } from '@/lib/data/scope';
import { bookAppointmentsTx } from '@/lib/data/appointments/book';
import { ownTimeZone } from '@/lib/data/appointments/day';
import { cancelAppointmentTx } from '@/lib/data/appointments/cancel';
import { changeAppointmentTx } from '@/lib/data/appointments/change';
import { findAppointmentRow, withAppointmentAccess } from '@/lib/data/appointments/access';
import { appointmentSelect, toAppointment } from '@/lib/data/appointments/shared';
import { InvalidInputError, NotFoundError, parseInput } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import {
  AppointmentCancel,
  AppointmentChange,
  AppointmentInput,
  AppointmentListQuery,
  PatientAppointmentListQuery,
  type Appointment,
  type AppointmentList,
} from '@/lib/schemas/appointments';

// Appointments through the API (docs/decisions/026-appointments.md): the transaction-level writes
// (./book.ts, ./change.ts) wrapped with access, parsing, idempotency and audit.

export type { Appointment } from '@/lib/schemas/appointments';

const DAY = 86_400_000;
/** A visit that began this long ago may still be booked (it is happening now). */
export const BOOK_GRACE_MS = 60 * 60_000;

/** An appointment of `patient` as `viewer` reads it (NotFoundError when it is not theirs). */
export async function findAppointment(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  id: string,
): Promise<Appointment> {
  return toAppointment(await findAppointmentRow(tx, patient, id), viewer);
}

/** The keyset page of appointments matching `where`, earliest first (or latest, `direction`). */
async function appointmentPage(
  tx: Tx,
  viewer: Viewer,
  where: Prisma.AppointmentWhereInput,
  cursor: string | undefined,
  limit: number,
  direction: 'asc' | 'desc' = 'asc',
): Promise<Page<Appointment>> {
  return keysetPage({
    cursor,
    limit,
    findKey: async (id) => {
      const at = await tx.appointment.findFirst({
        where: { AND: [where, { id }] },
        select: { id: true, startsAt: true },
      });
      return at && { value: at.startsAt, id: at.id };
    },
    fetch: (after, take) =>
      tx.appointment.findMany({
        where: { AND: [where, ...(after ? [afterKey('startsAt', after, direction)] : [])] },
        orderBy: [{ startsAt: direction }, { id: direction }],
        take,
        select: appointmentSelect,
      }),
    cursorOf: (row) => row.id,
    toItem: (row) => toAppointment(row, viewer),
  });
}

/**
 * Everyone (appointment.read): the visits of the patients in the viewer's scope starting from
 * `from` (default now) to `to` (default a week later), earliest first, optionally of one
 * clinician or one patient (a patient out of scope: NotFoundError, 404). Cancelled visits only
 * with `includeCancelled`. One audit event naming the patients shown.
 */
export async function listAppointments(
  viewer: Viewer,
  query: z.input<typeof AppointmentListQuery> = {},
  now: Date = new Date(),
): Promise<AppointmentList> {
  const input = parseInput(AppointmentListQuery, query);
  const from = input.from ? new Date(input.from) : now;
  const to = input.to ? new Date(input.to) : new Date(from.getTime() + 7 * DAY);
  if (to <= from) throw InvalidInputError.field('to', 'Must be after `from`.');
  const access = {
    permission: 'appointment.read',
    action: 'list',
    resourceType: 'appointment',
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    if (input.patientId) {
      const patient = await tx.patient.findFirst({
        where: { AND: [{ id: input.patientId }, patientsInScope(viewer)] },
        select: { id: true },
      });
      if (!patient) {
        record.resourceId = input.patientId;
        throw new NotFoundError('patient');
      }
    }
    // SECURITY: scope in the query: only visits of patients the viewer may see, in their organization.
    const where: Prisma.AppointmentWhereInput = {
      organizationId: viewer.organizationId,
      patient: patientsInScope(viewer),
      startsAt: { gte: from, lt: to },
      ...(input.clinicianId ? { clinicianId: input.clinicianId } : {}),
      ...(input.patientId ? { patientId: input.patientId } : {}),
      ...(input.includeCancelled === 'true' ? {} : { status: { not: 'CANCELLED' } }),
    };
    const page = await appointmentPage(tx, viewer, where, input.cursor, input.limit);
    record.patientIds = [...new Set(page.items.map((a) => a.patient.id))];
    return page;
  });
}

/**
 * The patient, their care team and admins: one patient's visits, upcoming (not ended, not
 * cancelled; earliest first) or past (ended, or cancelled; latest first).
 */
export const listPatientAppointments = patientList(
  PatientAppointmentListQuery,
  { permission: 'appointment.read', action: 'list', resourceType: 'appointment' },
  (tx, patient, { when, cursor, limit }, viewer) => {
    const now = new Date();
    const scope = { patientId: patient.id, organizationId: patient.organizationId };
    return when === 'upcoming'
      ? appointmentPage(
          tx,
          viewer,
          { ...scope, endsAt: { gt: now }, status: { in: ['SCHEDULED', 'CHECKED_IN'] } },
          cursor,
          limit,
          'asc',
        )
      : appointmentPage(
          tx,
          viewer,
          {
            ...scope,
            OR: [
              { endsAt: { lte: now } },
              { status: { in: ['COMPLETED', 'NO_SHOW', 'CANCELLED'] } },
            ],
          },
          cursor,
          limit,
          'desc',
        );
  },
);

/** Everyone in scope (appointment.read): one visit. */
export async function getAppointment(viewer: Viewer, appointmentId: string): Promise<Appointment> {
  return withAppointmentAccess(
    viewer,
    appointmentId,
    { permission: 'appointment.read', action: 'read', resourceType: 'appointment' },
    async (_tx, _patient, row) => toAppointment(row, viewer),
  );
}

/**
 * Clinicians on the patient's active care team and admins (appointment.schedule): book a visit,
 * or a series with `repeat`, with a clinician of the patient's care team (400 otherwise). A start
 * more than an hour ago: 400. Any overlap with the clinician's visits: 409, nothing booked. The
 * answer is the first visit (with its series). Once per Idempotency-Key.
 */
export async function bookAppointment(
  viewer: Viewer,
  input: z.input<typeof AppointmentInput>,
  idempotency?: Idempotency,
  now: Date = new Date(),
): Promise<Appointment> {
  const data = parseInput(AppointmentInput, input);
  const startsAt = new Date(data.startsAt);
  if (startsAt.getTime() < now.getTime() - BOOK_GRACE_MS) {
    throw InvalidInputError.field('startsAt', 'Choose a time from now on.');
  }
  return withPatientAccess(
    viewer,
    data.patientId,
    { permission: 'appointment.schedule', action: 'create', resourceType: 'appointment' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, data, async () => {
        const { patientId: _patientId, timeZone, ...booking } = data;
        const { ids } = await bookAppointmentsTx(tx, patient, viewer.userId, {
          ...booking,
          startsAt,
          timeZone: timeZone ?? (await ownTimeZone(viewer, tx)),
        });
        return findAppointment(tx, viewer, patient, ids[0]!);
      }),
    (result) => result.id,
  );
}

/**
 * Clinicians on the patient's active care team and admins (appointment.schedule), with the
 * version they read (If-Match; stale: 412): move a visit, change its length, kind, place or
 * clinician (SCHEDULED only, 409 otherwise; a new start more than an hour ago: 400), or move its
 * status along; `scope` FOLLOWING for the rest of its series (./change.ts). Audited as an update
 * of this visit. The answer is the visit as it is now (its new version in the ETag).
 */
export async function changeAppointment(
  viewer: Viewer,
  appointmentId: string,
  ifMatch: number,
  input: z.input<typeof AppointmentChange>,
  now: Date = new Date(),
): Promise<Appointment> {
  const change = parseInput(AppointmentChange, input);
  if (change.startsAt && Date.parse(change.startsAt) < now.getTime() - BOOK_GRACE_MS) {
    throw InvalidInputError.field('startsAt', 'Choose a time from now on.');
  }
  return withAppointmentAccess(
    viewer,
    appointmentId,
    { permission: 'appointment.schedule', action: 'update', resourceType: 'appointment' },
    async (tx, patient) => {
      await changeAppointmentTx(tx, patient, appointmentId, ifMatch, change, {
        actorId: viewer.userId,
        timeZone: await ownTimeZone(viewer, tx),
        at: now,
      });
      return findAppointment(tx, viewer, patient, appointmentId);
    },
  );
}

/**
 * Clinicians on the patient's active care team and admins (appointment.schedule), with the
 * version they read (If-Match; stale: 412): cancel a SCHEDULED or CHECKED_IN visit (409
 * otherwise) with a reason; `scope` FOLLOWING cancels the later scheduled visits of its series
 * too. Audited as a cancel of this visit; the patient is told.
 */
export async function cancelAppointment(
  viewer: Viewer,
  appointmentId: string,
  ifMatch: number,
  input: z.input<typeof AppointmentCancel>,
  now: Date = new Date(),
): Promise<Appointment> {
  const cancel = parseInput(AppointmentCancel, input);
  return withAppointmentAccess(
    viewer,
    appointmentId,
    { permission: 'appointment.schedule', action: 'cancel', resourceType: 'appointment' },
    async (tx, patient) => {
      await cancelAppointmentTx(tx, patient, appointmentId, ifMatch, cancel, {
        actorId: viewer.userId,
        timeZone: await ownTimeZone(viewer, tx),
        at: now,
      });
      return findAppointment(tx, viewer, patient, appointmentId);
    },
  );
}

export { requestAppointmentChange } from '@/lib/data/appointments/request';
export {
  appointmentCalendar,
  calendarFeedStatus,
  createCalendarFeed,
  readCalendarFeed,
  revokeCalendarFeed,
} from '@/lib/data/appointments/calendar';
