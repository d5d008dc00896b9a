// A patient's reminders (issue 13, point 5): a daily check-in reminder at the hour they choose in
// their own time zone, a reminder when a questionnaire comes due, one when a new version of their
// plan waits to be read, and (issue 14) emails before each appointment. Each can be turned off.
// Emails only, and without health details.
import { z } from 'zod';
import { IsoDateTime, SentBack } from '@/lib/schemas/common';

const Switch = z.boolean({ message: 'Must be true or false.' });

/** The reminder hour: a whole hour of the day, 0–23, on the patient's own clock. */
export const ReminderHour = z
  .int({ message: 'Choose an hour from 0 to 23.' })
  .min(0, { message: 'Choose an hour from 0 to 23.' })
  .max(23, { message: 'Choose an hour from 0 to 23.' });

const fields = {
  checkInReminder: Switch.meta({
    description: 'A daily reminder to check in, skipped on days already checked in.',
  }),
  checkInHour: ReminderHour.meta({
    description: 'The hour (0–23) in `timeZone` every reminder is sent at.',
    example: 19,
  }),
  questionnaireReminder: Switch.meta({
    description: 'A reminder when a PHQ-9 or GAD-7 comes due, once per due period.',
  }),
  planReminder: Switch.meta({
    description: 'A reminder when a new version of the plan is not read a day after it was made.',
  }),
  appointmentReminders: Switch.meta({
    description: 'Emails 24 hours and 1 hour before each appointment (whatever `checkInHour`).',
  }),
};

/** GET and PUT /patients/{patientId}/reminders: the settings (defaults until first saved). */
export const ReminderSettings = z.object({
  ...fields,
  /** The patient's own time zone, set on their notification settings page. */
  timeZone: z.string().meta({
    readOnly: true,
    description: 'The patient’s IANA time zone (changed on their notification settings).',
  }),
  updatedAt: IsoDateTime.nullable().meta({
    readOnly: true,
    description: 'Null until first saved.',
  }),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

/**
 * PUT body: the whole set. What GET answered may be sent back (`timeZone`, `updatedAt` ignored).
 * `appointmentReminders` came later: left out, it stays as it was.
 */
export const ReminderSettingsInput = z.strictObject({
  ...fields,
  appointmentReminders: fields.appointmentReminders.optional(),
  timeZone: SentBack,
  updatedAt: SentBack,
});
export type ReminderSettingsInput = z.input<typeof ReminderSettingsInput>;

/** Until the patient saves their own: every reminder on, at 19:00. */
export const DEFAULT_REMINDERS = {
  checkInReminder: true,
  checkInHour: 19,
  questionnaireReminder: true,
  planReminder: true,
  appointmentReminders: true,
} as const;
