'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RadioCardsField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { SuccessNotice } from '@/components/forms/success-notice';
import { useCreateForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import type {
  Appointment,
  AppointmentRequestInput as RequestBody,
} from '@/lib/schemas/appointments';

type RequestForm = { kind: RequestBody['kind'] | ''; reason: string };

/** What the patient may ask, in plain words. */
const CHOICES = [
  {
    value: 'RESCHEDULE',
    label: 'Move it to another time',
    hint: 'Your care team will suggest a new time.',
  },
  { value: 'CANCEL', label: 'Cancel it', hint: 'You won’t have this visit.' },
] as const;

/**
 * "Ask to cancel or reschedule" for one upcoming visit: a choice and a reason, sent to the visit's
 * clinician. After sending, it says so by name; an open request shows instead of the form.
 */
export function AppointmentRequestForm({ appointment }: { appointment: Appointment }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/appointments').then((m) => m.AppointmentRequestInput),
    `/api/v1/appointments/${appointment.id}/request`,
    {
      defaultValues: { kind: '', reason: '' } as RequestForm,
      mutationKey: ['appointments', appointment.id, 'request'],
      onCreated: () => {
        setSent(true);
        setOpen(false);
        router.refresh();
      },
    },
  );
  const clinician = appointment.clinician.name;

  if (sent) {
    return <SuccessNotice>Your request was sent to {clinician}.</SuccessNotice>;
  }
  if (appointment.request) {
    return (
      <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800">
        You asked to {appointment.request.kind === 'CANCEL' ? 'cancel' : 'move'} this visit.{' '}
        {clinician} has your request and will get back to you.
      </p>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Ask to cancel or reschedule
      </Button>
    );
  }
  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      className="space-y-4 rounded-lg border border-slate-200 p-4"
      onSubmit={(input) => mutation.mutate(input)}
    >
      <RadioCardsField
        name="kind"
        legend="What would you like to do?"
        columns="sm:grid-cols-2"
        choices={CHOICES}
      />
      <TextAreaField
        name="reason"
        label={`Tell ${clinician} why`}
        hint="A few words are enough."
        className="min-h-20"
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Sending…">Send request</SubmitButton>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          Never mind
        </Button>
      </div>
    </SchemaForm>
  );
}
