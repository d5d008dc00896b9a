'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { DateField, SelectField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { SignNoteButton } from '@/components/notes/note-actions';
import { ApiProblem } from '@/lib/api-client';
import { autosaveStatusText, type AutosaveStatus } from '@/lib/autosave';
import { queryKeys } from '@/lib/query-keys';
import type { SessionNoteInput, SessionNote } from '@/lib/schemas/session-notes';
import { NOTE_SECTIONS } from '@/lib/schemas/session-notes-values';
import { useDraftSaver } from './use-draft-saver';

type Values = {
  kind: 'THERAPY' | 'MEDICATION_MANAGEMENT';
  format: 'DAP' | 'SOAP';
  sessionDate: string;
  body: Record<string, string>;
  appointmentId?: string;
};

/** The words a signer reads when the draft cannot be saved as it stands. */
const FIX_BEFORE_SIGNING =
  'The note could not be saved as it is: fix the marked fields, then sign.';

/**
 * Writes a new draft (POST) or saves the viewer's own draft (PUT), by hand or by itself every
 * 30 seconds while there are unsaved changes (a new note becomes a draft on its first save).
 * Sections switch with the format; the hidden format's sections are dropped (shouldUnregister),
 * as the API expects. Signing saves the edits on screen first, so what is signed is what is read.
 */
export function SessionNoteForm({
  patientId,
  note,
  defaultKind,
  today,
  visit,
}: {
  patientId: string;
  note?: SessionNote;
  defaultKind: Values['kind'];
  today: string;
  /** A new note written from a visit: the visit it records and its local date. */
  visit?: { appointmentId: string; sessionDate: string };
}) {
  const router = useRouter();
  const form = useSchemaForm(
    () => import('@/lib/schemas/session-notes').then((m) => m.SessionNoteInput),
    {
      shouldUnregister: true,
      // The visit is no field the writer sees: what is said about it goes to the form's alert.
      fieldOf: (path) => (path === 'appointmentId' ? '' : path),
      defaultValues: (note
        ? { kind: note.kind, format: note.format, sessionDate: note.sessionDate, body: note.body }
        : {
            kind: defaultKind,
            format: defaultKind === 'THERAPY' ? 'DAP' : 'SOAP',
            sessionDate: visit?.sessionDate ?? today,
            body: {},
            ...(visit ? { appointmentId: visit.appointmentId } : {}),
          }) as Values,
    },
  );
  const format = useWatch({ control: form.control, name: 'format' });
  const values = useWatch({ control: form.control });
  const saver = useDraftSaver({
    patientId,
    noteId: note?.id,
    getValues: form.getValues as unknown as () => SessionNoteInput,
    values,
  });

  const mutation = useMutation({
    mutationKey: queryKeys.patients.saveSessionNote(patientId),
    mutationFn: (input: SessionNoteInput) => saver.save(input),
    onSuccess: (saved) => {
      if (note) {
        saver.setStatus({ state: 'saved', at: new Date() });
        router.refresh();
      } else {
        router.push(`/patients/${patientId}/notes/${saved.id}`);
      }
    },
    onError: form.showProblem,
  });

  // Signing: the schema checks the edits on screen, they are saved, then the note is signed.
  async function saveBeforeSigning() {
    if (!(await form.trigger())) throw new ApiProblem({ status: 400, detail: FIX_BEFORE_SIGNING });
    try {
      await saver.save(form.getValues() as unknown as SessionNoteInput);
    } catch (error) {
      form.showProblem(error);
      throw error;
    }
  }

  return (
    <SchemaForm form={form} mutation={mutation}>
      {visit && !note ? <input type="hidden" {...form.register('appointmentId')} /> : null}
      <NoteFields format={format} today={today} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{note ? 'Save draft' : 'Save as draft'}</SubmitButton>
        {note ? (
          <SignNoteButton patientId={patientId} noteId={note.id} before={saveBeforeSigning} />
        ) : null}
        <AutosaveLine status={saver.status} />
      </div>
    </SchemaForm>
  );
}

function NoteFields({ format, today }: { format: Values['format']; today: string }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="kind" label="Kind of session">
          <option value="THERAPY">Therapy</option>
          <option value="MEDICATION_MANAGEMENT">Medication management</option>
        </SelectField>
        <SelectField name="format" label="Format">
          <option value="DAP">DAP (data, assessment, plan)</option>
          <option value="SOAP">SOAP (subjective, objective, assessment, plan)</option>
        </SelectField>
        <DateField name="sessionDate" label="Session date" max={today} />
      </div>
      {NOTE_SECTIONS[format].map(([key, label]) => (
        <TextAreaField
          key={`${format}-${key}`}
          name={`body.${key}`}
          label={label}
          hint={key === 'plan' ? 'What happens next, and who does it.' : undefined}
          rows={5}
        />
      ))}
    </>
  );
}

function AutosaveLine({ status }: { status: AutosaveStatus }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={`text-sm font-medium empty:hidden ${status.state === 'failed' ? 'text-red-800' : 'text-teal-900'}`}
    >
      {autosaveStatusText(status)}
    </p>
  );
}
