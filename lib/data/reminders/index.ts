// A patient's reminder settings (issue 13, point 5), read and changed by the patient alone: the
// care team does not see them (docs/decisions/024-reminders-and-escalation.md). The tick that
// sends the reminders is ./tick.ts.
import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { NotFoundError, parseInput } from '@/lib/errors';
import {
  DEFAULT_REMINDERS,
  ReminderSettingsInput,
  type ReminderSettings,
} from '@/lib/schemas/reminders';

export { runReminders } from '@/lib/data/reminders/tick';

const settingsSelect = {
  checkInReminder: true,
  checkInHour: true,
  questionnaireReminder: true,
  planReminder: true,
  appointmentReminders: true,
  updatedAt: true,
} as const;

/** The settings of `patient` (the defaults until first saved), with their time zone. */
async function settingsOf(tx: Tx, patient: ScopedPatient): Promise<ReminderSettings> {
  const row = await tx.patient.findFirst({
    where: { id: patient.id, organizationId: patient.organizationId },
    select: {
      account: { select: { timeZone: true } },
      reminderSettings: { select: settingsSelect },
    },
  });
  if (!row) throw new NotFoundError('patient');
  const saved = row.reminderSettings;
  return {
    ...DEFAULT_REMINDERS,
    ...(saved ?? {}),
    timeZone: row.account.timeZone,
    updatedAt: saved ? saved.updatedAt.toISOString() : null,
  };
}

/** The patient only: their reminder settings. Others on the team 403, anyone else 404. */
export async function getReminderSettings(
  viewer: Viewer,
  patientId: string,
): Promise<ReminderSettings> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'reminders.edit', action: 'read', resourceType: 'reminderSettings' },
    (tx, patient) => settingsOf(tx, patient),
  );
}

/** The patient only: replaces their reminder settings (400 on the field when one does not fit). */
export async function putReminderSettings(
  viewer: Viewer,
  patientId: string,
  input: ReminderSettingsInput,
): Promise<ReminderSettings> {
  const {
    checkInReminder,
    checkInHour,
    questionnaireReminder,
    planReminder,
    appointmentReminders,
  } = parseInput(ReminderSettingsInput, input);
  const data = {
    checkInReminder,
    checkInHour,
    questionnaireReminder,
    planReminder,
    // Left out by a client that predates it: unchanged (on when first saved).
    ...(appointmentReminders === undefined ? {} : { appointmentReminders }),
  };
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'reminders.edit', action: 'update', resourceType: 'reminderSettings' },
    async (tx, patient) => {
      await tx.reminderSettings.upsert({
        where: patientScope(patient),
        create: { patientId: patient.id, organizationId: patient.organizationId, ...data },
        update: data,
      });
      return settingsOf(tx, patient);
    },
  );
}
