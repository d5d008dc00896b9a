// Every row of the /api/v1 authorization matrix, and the world its cells act in. A new area file
// under tests/integration/matrix adds its rows here.
import { db } from '@/lib/db';
import {
  addToCareTeam,
  createCareTeam,
  createOrganization,
  createPatient,
  createUser,
} from '@/tests/factories';
import { sessionCookie } from '@/tests/support/api';
import { accountRows } from '@/tests/integration/matrix/accounts';
import { appointmentRows } from '@/tests/integration/matrix/appointments';
import { calendarRows } from '@/tests/integration/matrix/calendar';
import { contactRows } from '@/tests/integration/matrix/contact';
import { conversationRows } from '@/tests/integration/matrix/conversation';
import { coreRows } from '@/tests/integration/matrix/core';
import { liveRows } from '@/tests/integration/matrix/live';
import { medicationRows } from '@/tests/integration/matrix/medications';
import { notificationRows } from '@/tests/integration/matrix/notifications';
import { outboxRows } from '@/tests/integration/matrix/outbox';
import { patientReportRows } from '@/tests/integration/matrix/patient-reports';
import { recordExportRows } from '@/tests/integration/matrix/record-export';
import { reminderRows } from '@/tests/integration/matrix/reminders';
import { safetyFlagRows } from '@/tests/integration/matrix/safety-flags';
import { safetyPlanRows } from '@/tests/integration/matrix/safety-plan';
import { securityRows } from '@/tests/integration/matrix/security';
import { therapyRows } from '@/tests/integration/matrix/therapy';
import { treatmentPlanRows } from '@/tests/integration/matrix/treatment-plan';
import type { Row, Subject, World } from '@/tests/support/matrix';

export { SUBJECTS, type Row, type Subject, type World } from '@/tests/support/matrix';

export const matrix: Row[] = [
  ...coreRows,
  ...medicationRows,
  ...therapyRows,
  ...patientReportRows,
  ...safetyFlagRows,
  ...treatmentPlanRows,
  ...contactRows,
  ...safetyPlanRows,
  ...accountRows,
  ...securityRows,
  ...notificationRows,
  ...conversationRows,
  ...outboxRows,
  ...liveRows,
  ...reminderRows,
  ...appointmentRows,
  ...calendarRows,
  ...recordExportRows,
];

/** A care team, a patient and clinicians beside it, an admin, another organization: one session each. */
export async function buildWorld(): Promise<World> {
  const team = await createCareTeam(db, { passwordHash: null });
  const org = team.organization;
  const otherPatient = await createPatient(db, org, { passwordHash: null });
  const prescriberOff = await createUser(db, org, { role: 'PRESCRIBER', passwordHash: null });
  const therapistOff = await createUser(db, org, { role: 'THERAPIST', passwordHash: null });
  await addToCareTeam(db, otherPatient, prescriberOff);
  await addToCareTeam(db, otherPatient, therapistOff);
  const admin = await createUser(db, org, { role: 'ADMIN', passwordHash: null });
  const elsewhere = await createCareTeam(db, {
    organization: await createOrganization(db),
    passwordHash: null,
  });
  const users = {
    patient: team.patient,
    otherPatient,
    prescriberOnTeam: team.prescriber,
    prescriberOffTeam: prescriberOff,
    therapistOnTeam: team.therapist,
    therapistOffTeam: therapistOff,
    admin,
    otherOrgClinician: elsewhere.prescriber,
  };
  const cookies = { signedOut: undefined } as Record<Subject, string | undefined>;
  for (const [subject, user] of Object.entries(users)) {
    cookies[subject as Subject] = await sessionCookie(user);
  }
  return { team, users, cookies };
}
