// Appointments: the clinician's day, the front desk's bookings, the patient's visits
// (docs/decisions/026-appointments.md).
import { defineRoute } from '@/lib/api/define-route';
import { ok } from '@/lib/api/responses';
import {
  bookAppointment,
  cancelAppointment,
  changeAppointment,
  getAppointment,
  listAppointments,
  listPatientAppointments,
} from '@/lib/data/appointments';
import {
  Appointment,
  AppointmentCancel,
  AppointmentChange,
  AppointmentInput,
  AppointmentList,
  AppointmentListQuery,
  AppointmentParams,
  PatientAppointmentListQuery,
} from '@/lib/schemas/appointments';
import { PatientParams } from '@/lib/schemas/patients';
import { StalePlanProblem } from '@/lib/schemas/treatment-plan';

const APPOINTMENTS = '/api/v1/appointments';
const tag = 'Appointments';
const READERS =
  'The patient (their own), clinicians on the patient’s active care team, and admins of the organization (times, people and kind: reasons are null); anyone else 404.';
const SCHEDULERS =
  'Clinicians on the patient’s active care team and admins of the organization; the patient gets 403, anyone else 404.';
const etag = (version: number) => ({ headers: { ETag: `"${version}"` } });
const IF_MATCH =
  'Needs `If-Match: "<version>"` (the ETag of GET): 428 without it, 412 when the visit changed since (the answer’s `currentVersion` and ETag say which).';
const stale = {
  status: 412,
  description:
    'The visit changed since it was read: `currentVersion` (and the ETag) say which. A malformed If-Match is a 412 without them.',
  schema: StalePlanProblem,
};

export const appointmentRoutes = [
  defineRoute({
    method: 'GET',
    path: APPOINTMENTS,
    tag,
    summary:
      'The visits of the patients the caller may see that start from `from` (default now) to `to` (default a week later, at most 62 days), earliest first; `clinicianId` or `patientId` narrow it (a patient out of scope is 404); cancelled visits only with `includeCancelled=true`',
    who: 'Everyone signed in, over the patients they may see: the patient their own, a clinician their active care teams’ patients, an admin the organization (reasons are null).',
    permission: 'appointment.read',
    query: AppointmentListQuery,
    success: { status: 200, description: 'A page of visits.', schema: AppointmentList },
    problems: [404],
    handler: ({ viewer, query }) => listAppointments(viewer, query),
  }),
  defineRoute({
    method: 'POST',
    path: APPOINTMENTS,
    idempotent: true,
    tag,
    summary:
      'Book a visit, or a weekly or fortnightly series with `repeat` (on the clock of `timeZone`, the caller’s own by default), with a clinician of the patient’s care team; 409 when it overlaps one of the clinician’s visits (nothing is booked); the patient gets an inbox item',
    who: SCHEDULERS,
    permission: 'appointment.schedule',
    body: AppointmentInput,
    success: {
      status: 201,
      description: 'The (first) visit booked, with its series.',
      schema: Appointment,
    },
    problems: [404, 409],
    handler: ({ viewer, body, idempotency }) => bookAppointment(viewer, body, idempotency),
  }),
  defineRoute({
    method: 'GET',
    path: `${APPOINTMENTS}/{appointmentId}`,
    tag,
    params: AppointmentParams,
    summary: 'One visit; the answer carries `ETag: "<version>"` for PATCH and cancel',
    who: READERS,
    permission: 'appointment.read',
    success: { status: 200, description: 'The visit.', schema: Appointment },
    handler: async ({ viewer, params }) => {
      const appointment = await getAppointment(viewer, params.appointmentId);
      return ok(appointment, etag(appointment.version));
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: `${APPOINTMENTS}/{appointmentId}`,
    tag,
    params: AppointmentParams,
    summary:
      'Move a visit, change its length, kind, place or clinician (only while scheduled; 409 otherwise or when it overlaps another of the clinician’s visits, nothing changes), or move its status along (checked in; completed or no-show once it has started; final states are final, 409). `scope=FOLLOWING` applies a schedule change to this visit and the later scheduled visits of its series, which split off into a series of their own (a new time moves each by the same shift on the series’ clock). Any change clears the patient’s open request; a move, a new clinician or a new place tells the patient',
    who: `${SCHEDULERS} ${IF_MATCH}`,
    permission: 'appointment.schedule',
    ifMatch: true,
    body: AppointmentChange,
    success: {
      status: 200,
      description: 'The visit as it is now (its new version in the ETag).',
      schema: Appointment,
    },
    problems: [409, stale],
    handler: async ({ viewer, params, ifMatch, body }) => {
      const appointment = await changeAppointment(viewer, params.appointmentId, ifMatch, body);
      return ok(appointment, etag(appointment.version));
    },
  }),
  defineRoute({
    method: 'POST',
    path: `${APPOINTMENTS}/{appointmentId}/cancel`,
    tag,
    params: AppointmentParams,
    summary:
      'Cancel a scheduled or checked-in visit with a reason (409 otherwise); `scope=FOLLOWING` cancels the later scheduled visits of its series too. The slot is free again; the patient is told',
    who: `${SCHEDULERS} ${IF_MATCH}`,
    permission: 'appointment.schedule',
    ifMatch: true,
    body: AppointmentCancel,
    success: {
      status: 200,
      description: 'The cancelled visit (its new version in the ETag).',
      schema: Appointment,
    },
    problems: [409, stale],
    handler: async ({ viewer, params, ifMatch, body }) => {
      const appointment = await cancelAppointment(viewer, params.appointmentId, ifMatch, body);
      return ok(appointment, etag(appointment.version));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/appointments',
    tag,
    params: PatientParams,
    summary:
      'One patient’s visits: `when=upcoming` (not ended and not cancelled, earliest first; the default) or `past` (ended or cancelled, latest first)',
    who: READERS,
    permission: 'appointment.read',
    query: PatientAppointmentListQuery,
    success: { status: 200, description: 'A page of visits.', schema: AppointmentList },
    handler: ({ viewer, params, query }) =>
      listPatientAppointments(viewer, params.patientId, query),
  }),
];
