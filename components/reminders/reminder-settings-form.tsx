'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { CheckboxField, SelectField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { SuccessNotice } from '@/components/forms/success-notice';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { ReminderSettingsInput, ReminderSettings } from '@/lib/schemas/reminders';

type Values = {
  checkInReminder: boolean;
  checkInHour: string;
  questionnaireReminder: boolean;
  planReminder: boolean;
  appointmentReminders: boolean;
};

const toForm = (settings: ReminderSettings): Values => ({
  checkInReminder: settings.checkInReminder,
  checkInHour: String(settings.checkInHour),
  questionnaireReminder: settings.questionnaireReminder,
  planReminder: settings.planReminder,
  appointmentReminders: settings.appointmentReminders,
});

const toInput = (values: Values): ReminderSettingsInput => ({
  checkInReminder: values.checkInReminder,
  checkInHour: Number(values.checkInHour),
  questionnaireReminder: values.questionnaireReminder,
  planReminder: values.planReminder,
  appointmentReminders: values.appointmentReminders,
});

/** "7:00 pm" style words for an hour of the day. */
export function hourWords(hour: number): string {
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:00 ${hour < 12 ? 'am' : 'pm'}`;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The patient's own reminders: the hour, and a switch for each reminder. */
export function ReminderSettingsForm({
  patientId,
  initial,
}: {
  patientId: string;
  initial: ReminderSettings;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/reminders').then((m) => m.ReminderSettingsInput),
    { defaultValues: toForm(initial), toInput },
  );
  const mutation = useMutation({
    mutationKey: queryKeys.reminders.save(patientId),
    mutationFn: (body: ReminderSettingsInput) =>
      apiFetch<ReminderSettings>(`/api/v1/patients/${patientId}/reminders`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (saved) => {
      form.reset(toForm(saved));
      setNotice('Your reminders are saved.');
    },
    onError: form.showProblem,
  });
  const zone = initial.timeZone.replaceAll('_', ' ');
  return (
    <SchemaForm
      form={form}
      mutation={{
        isPending: mutation.isPending,
        mutate: (body) => {
          setNotice(null);
          mutation.mutate(body);
        },
      }}
      aria-label="Reminders"
    >
      <SelectField
        name="checkInHour"
        label="What time should we remind you?"
        hint={
          <>
            In your time zone, {zone}. You can change your time zone on your{' '}
            <Link href="/account/notifications" className="text-teal-900 underline">
              notification settings
            </Link>
            .
          </>
        }
      >
        {HOURS.map((hour) => (
          <option key={hour} value={String(hour)}>
            {hourWords(hour)}
          </option>
        ))}
      </SelectField>
      <RemindMeFields />
      <SuccessNotice>{notice}</SuccessNotice>
      <SubmitButton pendingLabel="Saving…">Save reminders</SubmitButton>
    </SchemaForm>
  );
}

/** A switch for each reminder. */
function RemindMeFields() {
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold text-slate-900">Remind me</legend>
      <CheckboxField
        name="checkInReminder"
        label="To check in each day"
        hint="Not on days you have already checked in."
      />
      <CheckboxField
        name="questionnaireReminder"
        label="When a questionnaire is ready for me"
        hint="The PHQ-9 and GAD-7 your care team asks for every few weeks."
      />
      <CheckboxField
        name="planReminder"
        label="When my plan has something new to read"
        hint="If you have not read it a day after your care team changed it."
      />
      <CheckboxField
        name="appointmentReminders"
        label="Remind me of appointments by email"
        hint="A day before and an hour before each visit, whatever the time above."
      />
    </fieldset>
  );
}
