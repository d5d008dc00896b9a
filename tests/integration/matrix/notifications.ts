// Matrix rows of the inbox and notification preferences: everyone signed in has their own.
import { db } from '@/lib/db';
import { createInboxItem } from '@/tests/factories';
import { accountId, everyone, type Row, type Subject, type World } from '@/tests/support/matrix';

const own = (status: number) => ({ ...everyone(status), signedOut: 401 });

/** The patient an item of each caller's inbox is about: one in the caller's scope, or none. */
function patientFor(w: World, subject: Exclude<Subject, 'signedOut'>) {
  switch (subject) {
    case 'patient':
    case 'prescriberOnTeam':
    case 'therapistOnTeam':
    case 'admin':
      return w.team.patient;
    case 'otherPatient':
    case 'prescriberOffTeam':
    case 'therapistOffTeam':
      return w.users.otherPatient as typeof w.team.patient;
    case 'otherOrgClinician':
      return null;
  }
}

/** A fresh unread item of the caller's own inbox (the patient's when the caller is signed out). */
async function ownItem(w: World, subject: Subject = 'patient') {
  const who = subject === 'signedOut' ? 'patient' : subject;
  const account = await db.user.findUniqueOrThrow({ where: { id: accountId(w.users[who]) } });
  return createInboxItem(db, account, { patient: patientFor(w, who) });
}

export const notificationRows: Row[] = [
  { method: 'GET', path: '/api/v1/notifications', expect: own(200) },
  {
    method: 'POST',
    path: '/api/v1/notifications/{notificationId}/read',
    call: async (w, subject) => ({ params: { notificationId: (await ownItem(w, subject)).id } }),
    expect: own(200),
  },
  { method: 'POST', path: '/api/v1/notifications/read-all', expect: own(200) },
  { method: 'GET', path: '/api/v1/me/notification-preferences', expect: own(200) },
  {
    method: 'PUT',
    path: '/api/v1/me/notification-preferences',
    call: async () => ({
      body: {
        emailKinds: ['SAFETY_FLAG_RAISED'],
        quietHours: { start: '22:00', end: '07:00' },
        timeZone: 'America/Chicago',
      },
    }),
    expect: own(200),
  },
];
