'use client';

import { useRouter } from 'next/navigation';
import { useCreate } from '@/lib/use-create-mutation';
import { queryKeys } from '@/lib/query-keys';
import { PsychotherapyNoteInput } from '@/lib/schemas/psychotherapy-notes';
import { DateField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';

type Values = { sessionDate: string; body: string };

const toInput = (values: Values) => ({
  sessionDate: values.sessionDate || null,
  body: values.body,
});

/** Records a private psychotherapy note, readable by its author alone. */
export function PsychotherapyNoteForm({ patientId, today }: { patientId: string; today: string }) {
  const router = useRouter();
  const form = useSchemaForm(PsychotherapyNoteInput, {
    defaultValues: { sessionDate: today, body: '' } as Values,
    toInput,
  });
  const mutation = useCreate<unknown, PsychotherapyNoteInput>(
    `/api/v1/patients/${encodeURIComponent(patientId)}/psychotherapy-notes`,
    {
      mutationKey: queryKeys.patients.psychotherapyNotes(patientId),
      onSuccess: () => {
        form.reset({ sessionDate: today, body: '' });
        router.refresh();
      },
      onError: form.showProblem,
    },
  );
  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      className="space-y-4"
      onSubmit={mutation.mutate}
    >
      <DateField name="sessionDate" label="Session date" optional max={today} />
      <TextAreaField
        name="body"
        label="Process note"
        hint="Only you will ever see this note. It is kept apart from the record."
        rows={5}
      />
      <SubmitButton pending={mutation.isPending} pendingLabel="Saving…">
        Save private note
      </SubmitButton>
    </SchemaForm>
  );
}
