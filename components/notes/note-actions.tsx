'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { queryKeys } from '@/lib/query-keys';
import { AddendumInput, WithholdInput } from '@/lib/schemas/session-notes';

function notePath(patientId: string, noteId: string, action: string): `/api/v1/${string}` {
  return `/api/v1/patients/${encodeURIComponent(patientId)}/session-notes/${encodeURIComponent(noteId)}/${action}`;
}

/** Signs the viewer's draft after a confirmation: signing cannot be undone. */
export function SignNoteButton({ patientId, noteId }: { patientId: string; noteId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationKey: queryKeys.patients.sessionNoteAction(patientId, noteId, 'sign'),
    mutationFn: () => apiFetch(notePath(patientId, noteId, 'sign'), { method: 'POST' }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>Sign note</Button>
      <ConfirmDialog
        open={open}
        title="Sign this note?"
        confirmLabel="Sign note"
        pendingLabel="Signing…"
        tone="primary"
        isPending={mutation.isPending}
        error={mutation.error ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => {
          mutation.reset();
          setOpen(false);
        }}
      >
        <p>
          Save any changes first. Once signed, the note cannot be edited: the care team and the
          patient will be able to read it, and corrections are made as addenda.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Appends an addendum to the viewer's signed note. */
export function AddendumForm({ patientId, noteId }: { patientId: string; noteId: string }) {
  const router = useRouter();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<AddendumInput>({
    resolver: zodResolver(AddendumInput),
    defaultValues: { body: '' },
  });
  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.sessionNoteAction(patientId, noteId, 'addenda'),
    mutationFn: (input: AddendumInput, idempotencyKey) =>
      apiFetch(notePath(patientId, noteId, 'addenda'), {
        method: 'POST',
        body: input,
        idempotencyKey,
      }),
    onSuccess: () => {
      reset({ body: '' });
      router.refresh();
    },
    onError: (error) => setSummary(applyProblem(error, setError, ['body'])),
  });
  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      className="space-y-3"
      onSubmit={handleSubmit((input) => {
        setSummary([]);
        mutation.mutate(input);
      })}
    >
      <FormAlert messages={summary} />
      <Field
        id={`${id}-addendum`}
        label="Add an addendum"
        hint="The signed note stays as it is; the addendum is shown under it, with your name and the time."
        error={errors.body?.message}
      >
        {(control) => (
          <textarea {...control} rows={3} className={inputClass} {...register('body')} />
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Adding…' : 'Add addendum'}
      </Button>
    </form>
  );
}

/** Withholds the viewer's signed note from the patient, with the reason, after a confirmation. */
export function WithholdForm({ patientId, noteId }: { patientId: string; noteId: string }) {
  const router = useRouter();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const [pending, setPending] = useState<WithholdInput | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<WithholdInput>({
    resolver: zodResolver(WithholdInput),
    defaultValues: { reason: '' },
  });
  const mutation = useMutation({
    mutationKey: queryKeys.patients.sessionNoteAction(patientId, noteId, 'withhold'),
    mutationFn: (input: WithholdInput) =>
      apiFetch(notePath(patientId, noteId, 'withhold'), { method: 'POST', body: input }),
    onSuccess: () => {
      setPending(null);
      router.refresh();
    },
    onError: (error) => {
      setPending(null);
      setSummary(applyProblem(error, setError, ['reason']));
    },
  });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={handleSubmit((input) => {
        setSummary([]);
        setPending(input);
      })}
    >
      <FormAlert messages={summary} />
      <Field
        id={`${id}-reason`}
        label="Reason for withholding from the patient"
        hint="The care team keeps reading the note; the patient will not see it."
        error={errors.reason?.message}
      >
        {(control) => (
          <textarea {...control} rows={2} className={inputClass} {...register('reason')} />
        )}
      </Field>
      <Button type="submit" variant="secondary">
        Withhold from the patient
      </Button>
      <ConfirmDialog
        open={pending !== null}
        title="Withhold this note from the patient?"
        confirmLabel="Withhold note"
        pendingLabel="Withholding…"
        isPending={mutation.isPending}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        <p>The patient will no longer see this note. This cannot be undone here.</p>
      </ConfirmDialog>
    </form>
  );
}
