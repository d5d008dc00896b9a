// Matrix rows of the appointments API. Each booking cell books a slot of its own, so no cell's
// visit overlaps another's; each read cell reads a fresh visit of the team's patient.
import { db } from '@/lib/db';
import { bookAppointmentsTx } from '@/lib/data/appointments/book';
import { readers, type Row, type World } from '@/tests/support/matrix';

const APPOINTMENTS = '/api/v1/appointments';
/** The patient, the clinicians on the team and the organization's admins get `status`. */
export const withFrontDesk = (status: number) => ({ ...readers(status), admin: status });
/** Clinicians on the team and admins get `status`; the patient 403. */
export const schedulers = (status: number) => ({ ...withFrontDesk(status), patient: 403 });

let slot = 0;
/** A start no other cell uses: the next hour after the last one given, from three days ahead. */
export function freshStart(): Date {
  slot += 1;
  return new Date(Date.now() + 3 * 86_400_000 + slot * 3_600_000);
}

/** A fresh visit of the team's patient with the therapist and the If-Match of its version. */
async function onFreshVisit(w: World) {
  const appointmentId = await freshAppointment(w);
  return { params: { appointmentId }, headers: { 'If-Match': '"1"' } };
}

/** A fresh visit of the team's patient with the therapist; its id. */
export async function freshAppointment(w: World): Promise<string> {
  const { ids } = await bookAppointmentsTx(db, w.team.patient, w.team.therapist.id, {
    clinicianId: w.team.therapist.id,
    startsAt: freshStart(),
    durationMinutes: 50,
    kind: 'THERAPY',
    modality: 'PHONE',
    timeZone: 'America/New_York',
  });
  return ids[0]!;
}

export const appointmentRows: Row[] = [
  {
    method: 'GET',
    path: APPOINTMENTS,
    expect: {
      ...withFrontDesk(200),
      otherPatient: 200,
      prescriberOffTeam: 200,
      therapistOffTeam: 200,
      otherOrgClinician: 200,
    },
  },
  {
    method: 'POST',
    path: APPOINTMENTS,
    call: async (w) => ({
      body: {
        patientId: w.team.patient.id,
        clinicianId: w.team.prescriber.id,
        startsAt: freshStart().toISOString(),
        durationMinutes: 30,
        kind: 'MEDICATION_MANAGEMENT',
        modality: 'VIDEO',
        videoUrl: 'https://video.example.test/room',
      },
    }),
    expect: schedulers(201),
  },
  {
    method: 'GET',
    path: `${APPOINTMENTS}/{appointmentId}`,
    call: async (w) => ({ params: { appointmentId: await freshAppointment(w) } }),
    expect: withFrontDesk(200),
  },
  {
    method: 'PATCH',
    path: `${APPOINTMENTS}/{appointmentId}`,
    call: async (w) => ({ ...(await onFreshVisit(w)), body: { durationMinutes: 45 } }),
    expect: schedulers(200),
  },
  {
    method: 'POST',
    path: `${APPOINTMENTS}/{appointmentId}/cancel`,
    call: async (w) => ({ ...(await onFreshVisit(w)), body: { reason: 'The clinic is closed.' } }),
    expect: schedulers(200),
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/appointments',
    expect: withFrontDesk(200),
  },
];
