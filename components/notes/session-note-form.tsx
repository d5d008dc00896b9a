'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { queryKeys } from '@/lib/query-keys';
import { NOTE_SECTIONS, SessionNoteInput, type SessionNote } from '@/lib/schemas/session-notes';

type Values = {
  kind: 'THERAPY' | 'MEDICATION_MANAGEMENT';
  format: 'DAP' | 'SOAP';
  sessionDate: string;
  body: Record<string, string>;
};

/**
 * Writes a new draft (POST) or saves the viewer's own draft (PUT). Sections switch with the
 * format; the hidden format's sections are dropped (shouldUnregister), as the API expects.
 */
export function SessionNoteForm({
  patientId,
  note,
  defaultKind,
  today,
}: {
  patientId: string;
  note?: SessionNote;
  defaultKind: Values['kind'];
  today: string;
}) {
  const router = useRouter();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control: formControl,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(SessionNoteInput) as unknown as Resolver<Values>,
    shouldUnregister: true,
    defaultValues: note
      ? { kind: note.kind, format: note.format, sessionDate: note.sessionDate, body: note.body }
      : {
          kind: defaultKind,
          format: defaultKind === 'THERAPY' ? 'DAP' : 'SOAP',
          sessionDate: today,
          body: {},
        },
  });
  const format = useWatch({ control: formControl, name: 'format' });
  const base: `/api/v1/${string}` = `/api/v1/patients/${encodeURIComponent(patientId)}/session-notes`;

  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.saveSessionNote(patientId),
    mutationFn: (input: Values, idempotencyKey) =>
      apiFetch<SessionNote>(note ? `${base}/${encodeURIComponent(note.id)}` : base, {
        method: note ? 'PUT' : 'POST',
        body: input,
        idempotencyKey: note ? undefined : idempotencyKey,
      }),
    onSuccess: (saved) => {
      if (note) {
        setSaved('Draft saved.');
        router.refresh();
      } else {
        router.push(`/patients/${patientId}/notes/${saved.id}`);
      }
    },
    onError: (error) =>
      setSummary(
        applyProblem(error, setError, [
          'kind',
          'format',
          'sessionDate',
          ...NOTE_SECTIONS[format].map(([key]) => `body.${key}` as const),
        ]),
      ),
  });

  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      onSubmit={handleSubmit((values) => {
        setSummary([]);
        setSaved(null);
        mutation.mutate(values);
      })}
      className="space-y-5"
    >
      <FormAlert messages={summary} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-kind`} label="Kind of session" error={errors.kind?.message}>
          {(control) => (
            <select {...control} className={inputClass} {...register('kind')}>
              <option value="THERAPY">Therapy</option>
              <option value="MEDICATION_MANAGEMENT">Medication management</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-format`} label="Format" error={errors.format?.message}>
          {(control) => (
            <select {...control} className={inputClass} {...register('format')}>
              <option value="DAP">DAP (data, assessment, plan)</option>
              <option value="SOAP">SOAP (subjective, objective, assessment, plan)</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-date`} label="Session date" error={errors.sessionDate?.message}>
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
      </div>
      {NOTE_SECTIONS[format].map(([key, label]) => (
        <Field
          key={`${format}-${key}`}
          id={`${id}-${key}`}
          label={label}
          hint={key === 'plan' ? 'What happens next, and who does it.' : undefined}
          error={errors.body?.[key]?.message}
        >
          {(control) => (
            <textarea {...control} rows={5} className={inputClass} {...register(`body.${key}`)} />
          )}
        </Field>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : note ? 'Save draft' : 'Save as draft'}
        </Button>
        <p role="status" className="text-sm font-medium text-teal-900 empty:hidden">
          {saved}
        </p>
      </div>
    </form>
  );
}
