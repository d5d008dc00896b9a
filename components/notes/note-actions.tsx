'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ComponentProps, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ConfirmedActionButton } from '@/components/forms/confirmed-action-button';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { WithholdInput } from '@/lib/schemas/session-notes';
import { TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useCreateForm, useSchemaForm } from '@/components/forms/use-schema-form';

function notePath(patientId: string, noteId: string, action: string): `/api/v1/${string}` {
  return `/api/v1/patients/${encodeURIComponent(patientId)}/session-notes/${encodeURIComponent(noteId)}/${action}`;
}

/**
 * Signs the viewer's draft after a confirmation: signing cannot be undone. `before` runs first
 * (the form saves the edits on screen), so the signed note is the one the author read.
 */
export function SignNoteButton({
  patientId,
  noteId,
  before,
}: {
  patientId: string;
  noteId: string;
  before?: () => Promise<unknown>;
}) {
  return (
    <ConfirmedActionButton
      path={notePath(patientId, noteId, 'sign')}
      mutationKey={queryKeys.patients.sessionNoteAction(patientId, noteId, 'sign')}
      before={before}
      label="Sign note"
      variant="primary"
      title="Sign this note?"
      confirmLabel="Sign note"
      pendingLabel="Signing…"
      tone="primary"
    >
      <p>
        Your changes are saved first. Once signed, the note cannot be edited: the care team and the
        patient will be able to read it, and corrections are made as addenda.
      </p>
    </ConfirmedActionButton>
  );
}

const ADDENDUM_FIELD = {
  name: 'body',
  label: 'Add an addendum',
  hint: 'The signed note stays as it is; the addendum is shown under it, with your name and the time.',
  rows: 3,
};

const REASON_FIELD = {
  name: 'reason',
  label: 'Reason for withholding from the patient',
  hint: 'The care team keeps reading the note; the patient will not see it.',
  rows: 2,
};

/** Appends an addendum to the viewer's signed note. */
export function AddendumForm({ patientId, noteId }: { patientId: string; noteId: string }) {
  const router = useRouter();
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/session-notes').then((m) => m.AddendumInput),
    notePath(patientId, noteId, 'addenda'),
    {
      defaultValues: { body: '' },
      mutationKey: queryKeys.patients.sessionNoteAction(patientId, noteId, 'addenda'),
      onCreated: () => router.refresh(),
    },
  );
  return (
    <NoteTextForm form={form} mutation={mutation} field={ADDENDUM_FIELD}>
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add addendum
      </SubmitButton>
    </NoteTextForm>
  );
}

/** Withholds the viewer's signed note from the patient, with the reason, after a confirmation. */
export function WithholdForm({ patientId, noteId }: { patientId: string; noteId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<WithholdInput | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/session-notes').then((m) => m.WithholdInput),
    { defaultValues: { reason: '' } },
  );
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
      form.showProblem(error);
    },
  });
  return (
    <NoteTextForm form={form} onSubmit={setPending} field={REASON_FIELD}>
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
    </NoteTextForm>
  );
}

/** A signed note's one-text form (addendum, withholding reason): the text area, then its actions. */
function NoteTextForm<TValues extends FieldValues, TOutput>({
  field,
  children,
  ...schemaForm
}: Omit<ComponentProps<typeof SchemaForm<TValues, TOutput>>, 'className' | 'children'> & {
  field: ComponentProps<typeof TextAreaField>;
  children: ReactNode;
}) {
  return (
    <SchemaForm {...schemaForm} className="space-y-3">
      <TextAreaField {...field} />
      {children}
    </SchemaForm>
  );
}
