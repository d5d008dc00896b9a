// A patient's reminders (issue 13): the check-in hour and a switch per reminder.
import { defineRoute } from '@/lib/api/define-route';
import { getReminderSettings, putReminderSettings } from '@/lib/data/reminders';
import { PatientParams } from '@/lib/schemas/patients';
import { ReminderSettings, ReminderSettingsInput } from '@/lib/schemas/reminders';

const PATH = '/api/v1/patients/{patientId}/reminders';
const tag = 'Reminders';
const WHO =
  'The patient only: their care team gets 403 (the settings are the patient’s own), anyone else 404.';

/** The routes of the reminders API. */
export const reminderRoutes = [
  defineRoute({
    method: 'GET',
    path: PATH,
    tag,
    summary: 'The patient’s reminder settings',
    who: `${WHO} Every reminder is on at 19:00 until the patient saves their own.`,
    permission: 'reminders.edit',
    params: PatientParams,
    success: { status: 200, description: 'The reminder settings.', schema: ReminderSettings },
    handler: ({ viewer, params }) => getReminderSettings(viewer, params.patientId),
  }),
  defineRoute({
    method: 'PUT',
    path: PATH,
    tag,
    summary: 'Replace the reminder settings',
    who: `${WHO} The body is the whole set. The hour is read in the patient’s own time zone (their notification settings). What GET answered may be sent back: \`timeZone\` and \`updatedAt\` are ignored.`,
    permission: 'reminders.edit',
    params: PatientParams,
    body: ReminderSettingsInput,
    success: { status: 200, description: 'The settings as saved.', schema: ReminderSettings },
    handler: ({ viewer, params, body }) => putReminderSettings(viewer, params.patientId, body),
  }),
] as const;
