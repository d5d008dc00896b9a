// Matrix rows of the patient's requests and the calendars. Each request cell asks about a fresh
// visit; each feed cell reads a fresh feed of a clinician who is none of the callers (the fetch is
// audited as that clinician's, so no caller's count moves).
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { feedTokenHash } from '@/lib/data/appointments/calendar';
import { freshAppointment, withFrontDesk } from '@/tests/integration/matrix/appointments';
import {
  everyone,
  freshClinician,
  patientOnly,
  type Row,
  type World,
} from '@/tests/support/matrix';

/** Clinicians, on the team or not, in any organization (their own feed): `status`. */
const clinicians = (status: number) => ({
  ...everyone(status),
  signedOut: 401,
  patient: 403,
  otherPatient: 403,
  admin: 403,
});

/** A working feed link's path segment, of a fresh clinician of the team's organization. */
export async function freshFeed(w: World): Promise<string> {
  const owner = await freshClinician(w);
  const token = randomBytes(32).toString('base64url');
  await db.calendarFeed.create({
    data: {
      organizationId: owner.organizationId,
      userId: owner.id,
      tokenHash: feedTokenHash(token),
    },
  });
  return `${token}.ics`;
}

export const calendarRows: Row[] = [
  {
    method: 'POST',
    path: '/api/v1/appointments/{appointmentId}/request',
    call: async (w) => ({
      params: { appointmentId: await freshAppointment(w) },
      body: { kind: 'RESCHEDULE', reason: 'I have an exam that morning.' },
    }),
    expect: patientOnly(200),
  },
  {
    method: 'GET',
    path: '/api/v1/appointments/{appointmentId}/calendar.ics',
    call: async (w) => ({ params: { appointmentId: await freshAppointment(w) } }),
    expect: withFrontDesk(200),
  },
  { method: 'GET', path: '/api/v1/me/calendar-feed', expect: clinicians(200) },
  { method: 'POST', path: '/api/v1/me/calendar-feed', expect: clinicians(200) },
  { method: 'DELETE', path: '/api/v1/me/calendar-feed', expect: clinicians(204) },
  {
    method: 'GET',
    path: '/api/v1/calendar/{feed}',
    call: async (w) => ({ params: { feed: await freshFeed(w) } }),
    expect: everyone(200),
    audits: 0,
  },
];
