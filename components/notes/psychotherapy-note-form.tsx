'use client';

import { useRouter } from 'next/navigation';
import { queryKeys } from '@/lib/query-keys';

import { DateField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useCreateForm } from '@/components/forms/use-schema-form';

type Values = { sessionDate: string; body: string };

const toInput = (values: Values) => ({
  sessionDate: values.sessionDate || null,
  body: values.body,
});

/** Records a private psychotherapy note, readable by its author alone. */
export function PsychotherapyNoteForm({ patientId, today }: { patientId: string; today: string }) {
  const router = useRouter();
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/psychotherapy-notes').then((m) => m.PsychotherapyNoteInput),
    `/api/v1/patients/${encodeURIComponent(patientId)}/psychotherapy-notes`,
    {
      defaultValues: { sessionDate: today, body: '' } as Values,
      toInput,
      mutationKey: queryKeys.patients.psychotherapyNotes(patientId),
      onCreated: () => router.refresh(),
    },
  );
  return (
    <SchemaForm form={form} mutation={mutation} className="space-y-4">
      <DateField name="sessionDate" label="Session date" optional max={today} />
      <TextAreaField
        name="body"
        label="Process note"
        hint="Only you will ever see this note. It is kept apart from the record."
        rows={5}
      />
      <SubmitButton pendingLabel="Saving…">Save private note</SubmitButton>
    </SchemaForm>
  );
}
