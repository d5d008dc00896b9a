'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ApiProblem, apiFetch, problemMessage } from '@/lib/api-client';
import { AUTOSAVE_INTERVAL_MS, autosaveStatusText, type AutosaveStatus } from '@/lib/autosave';
import { newIdempotencyKey } from '@/lib/use-create-mutation';
import { queryKeys } from '@/lib/query-keys';
import { NOTE_SECTIONS, SessionNoteInput, type SessionNote } from '@/lib/schemas/session-notes';

type Values = {
  kind: 'THERAPY' | 'MEDICATION_MANAGEMENT';
  format: 'DAP' | 'SOAP';
  sessionDate: string;
  body: Record<string, string>;
};

/** The content of the form as compared between saves. */
function snapshot(values: Partial<Values>): string {
  return JSON.stringify(values);
}

/** Why an autosave did not go through, said briefly after "Not saved:". */
function autosaveFailure(error: unknown): string {
  if (error instanceof ApiProblem && error.status === 401) {
    return 'you were signed out. Press Save draft to sign in again; what you typed stays here.';
  }
  if (error instanceof ApiProblem && error.errors.length > 0) {
    return `${error.detail} ${error.errors[0]!.message}`;
  }
  return problemMessage(error);
}

/**
 * Writes a new draft (POST) or saves the viewer's own draft (PUT), by hand or by itself every
 * 30 seconds while there are unsaved changes (a new note becomes a draft on its first save).
 * Sections switch with the format; the hidden format's sections are dropped (shouldUnregister),
 * as the API expects.
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
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const {
    register,
    handleSubmit,
    control: formControl,
    setError,
    getValues,
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
  const values = useWatch({ control: formControl });
  const base: `/api/v1/${string}` = `/api/v1/patients/${encodeURIComponent(patientId)}/session-notes`;

  // The draft's id once it exists on the server (a new note gets one on its first save).
  const noteId = useRef<string | null>(note?.id ?? null);
  // The content last saved, to save only what changed.
  const lastSaved = useRef<string | null>(null);
  // A first save whose answer never came (the network failed): sent again as it was, with the same
  // Idempotency-Key, so the server answers the draft it may already have made instead of a second.
  const pendingCreate = useRef<{ key: string; body: Values } | null>(null);
  // One save at a time: autosave and "Save draft" queue behind each other.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    lastSaved.current = snapshot(getValues());
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [getValues]);

  const persist = useCallback(
    async (input: Values, recoverSession: boolean): Promise<SessionNote> => {
      if (!noteId.current) {
        const attempt = (pendingCreate.current ??= {
          key: newIdempotencyKey(),
          body: input,
        });
        let draft: SessionNote;
        try {
          draft = await apiFetch<SessionNote>(base, {
            method: 'POST',
            body: attempt.body,
            idempotencyKey: attempt.key,
            recoverSession,
          });
        } catch (error) {
          // The server answered (a refusal stores nothing): the next save starts afresh.
          if (error instanceof ApiProblem) pendingCreate.current = null;
          throw error;
        }
        pendingCreate.current = null;
        noteId.current = draft.id;
        lastSaved.current = snapshot(attempt.body);
        // The address of the draft, without a navigation that would remount the form.
        window.history.replaceState(null, '', `/patients/${patientId}/notes/${draft.id}`);
        if (snapshot(input) === lastSaved.current) return draft;
      }
      const saved = await apiFetch<SessionNote>(`${base}/${encodeURIComponent(noteId.current!)}`, {
        method: 'PUT',
        body: input,
        recoverSession,
      });
      lastSaved.current = snapshot(input);
      return saved;
    },
    [base, patientId],
  );

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const autosave = useCallback(async () => {
    timer.current = null;
    const current = getValues();
    if (snapshot(current) === lastSaved.current) return;
    setStatus({ state: 'saving' });
    try {
      // SECURITY: autosave never opens the sign-in dialog: it would take the keystrokes of a
      // person typing a note into a password field. "Save draft" offers it.
      await enqueue(() => persist(current, false));
      setStatus({ state: 'saved', at: new Date() });
    } catch (error) {
      setStatus({ state: 'failed', reason: autosaveFailure(error) });
    }
  }, [enqueue, getValues, persist]);

  // While the form holds unsaved changes, one autosave is scheduled, AUTOSAVE_INTERVAL_MS after
  // the first of them.
  useEffect(() => {
    if (lastSaved.current === null || timer.current) return;
    if (snapshot(getValues()) === lastSaved.current) return;
    timer.current = setTimeout(() => void autosave(), AUTOSAVE_INTERVAL_MS);
  }, [values, autosave, getValues]);

  const mutation = useMutation({
    mutationKey: queryKeys.patients.saveSessionNote(patientId),
    mutationFn: (input: Values) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      return enqueue(() => persist(input, true));
    },
    onSuccess: (saved) => {
      if (note) {
        setStatus({ state: 'saved', at: new Date() });
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
        <p
          role="status"
          aria-live="polite"
          className={`text-sm font-medium empty:hidden ${status.state === 'failed' ? 'text-red-800' : 'text-teal-900'}`}
        >
          {autosaveStatusText(status)}
        </p>
      </div>
    </form>
  );
}
