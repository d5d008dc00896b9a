'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { queryKeys } from '@/lib/query-keys';
import { PsychotherapyNoteInput } from '@/lib/schemas/psychotherapy-notes';

type Values = { sessionDate: string; body: string };

/** Records a private psychotherapy note, readable by its author alone. */
export function PsychotherapyNoteForm({ patientId, today }: { patientId: string; today: string }) {
  const router = useRouter();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<Values>({ defaultValues: { sessionDate: today, body: '' } });
  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.psychotherapyNotes(patientId),
    mutationFn: (input: PsychotherapyNoteInput, idempotencyKey) =>
      apiFetch(`/api/v1/patients/${encodeURIComponent(patientId)}/psychotherapy-notes`, {
        method: 'POST',
        body: input,
        idempotencyKey,
      }),
    onSuccess: () => {
      reset({ sessionDate: today, body: '' });
      router.refresh();
    },
    onError: (error) => setSummary(applyProblem(error, setError, ['sessionDate', 'body'])),
  });
  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      className="space-y-4"
      onSubmit={handleSubmit((values) => {
        setSummary([]);
        const input = { sessionDate: values.sessionDate || null, body: values.body };
        const parsed = PsychotherapyNoteInput.safeParse(input);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = issue.path[0] === 'sessionDate' ? 'sessionDate' : 'body';
            setError(field, { type: 'validate', message: issue.message });
          }
          return;
        }
        mutation.mutate(parsed.data);
      })}
    >
      <FormAlert messages={summary} />
      <Field id={`${id}-date`} label="Session date" optional error={errors.sessionDate?.message}>
        {(control) => (
          <input
            {...control}
            type="date"
            max={today}
            className={inputClass}
            {...register('sessionDate')}
          />
        )}
      </Field>
      <Field
        id={`${id}-body`}
        label="Process note"
        hint="Only you will ever see this note. It is kept apart from the record."
        error={errors.body?.message}
      >
        {(control) => (
          <textarea {...control} rows={5} className={inputClass} {...register('body')} />
        )}
      </Field>
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? 'Saving…' : 'Save private note'}
      </Button>
    </form>
  );
}
