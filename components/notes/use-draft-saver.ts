'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { ApiProblem, apiFetch, problemMessage } from '@/lib/api-client';
import { AUTOSAVE_INTERVAL_MS, type AutosaveStatus } from '@/lib/autosave';
import { newIdempotencyKey } from '@/lib/use-create-mutation';
import type { SessionNote, SessionNoteInput } from '@/lib/schemas/session-notes';

/** The content of the form as compared between saves. */
function snapshot(values: unknown): string {
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
 * Saves a session-note draft: a new note is POSTed once (a lost answer is sent again with the same
 * Idempotency-Key), then PUT; one save at a time; only what changed since the last save. While
 * the form holds unsaved changes, one autosave runs AUTOSAVE_INTERVAL_MS after the first of them.
 */
export function useDraftSaver({
  patientId,
  noteId: savedId,
  getValues,
  values,
}: {
  patientId: string;
  noteId: string | undefined;
  getValues: () => SessionNoteInput;
  /** The watched values: a change schedules the autosave. */
  values: unknown;
}) {
  const base: `/api/v1/${string}` = `/api/v1/patients/${encodeURIComponent(patientId)}/session-notes`;
  // The draft's id once it exists on the server (a new note gets one on its first save).
  const noteId = useRef<string | null>(savedId ?? null);
  const lastSaved = useRef<string | null>(null);
  const pendingCreate = useRef<{ key: string; body: SessionNoteInput } | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    lastSaved.current = snapshot(getValues());
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [getValues]);

  const persist = useCallback(
    async (input: SessionNoteInput, recoverSession: boolean): Promise<SessionNote> => {
      if (!noteId.current) {
        const attempt = (pendingCreate.current ??= { key: newIdempotencyKey(), body: input });
        const draft = await createDraft(base, pendingCreate, recoverSession);
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

  // One save at a time: autosave and a save by hand queue behind each other.
  const enqueue = useCallback((work: () => Promise<SessionNote>): Promise<SessionNote> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  /** Saves now, by hand (the sign-in dialog may open), after any save on its way. */
  const save = useCallback(
    (input: SessionNoteInput): Promise<SessionNote> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      return enqueue(() => persist(input, true));
    },
    [enqueue, persist],
  );

  const { status, setStatus } = useAutosave({
    getValues,
    values,
    persist,
    enqueue,
    timerRef: timer,
    lastSavedRef: lastSaved,
  });
  return { save, status, setStatus };
}

type PendingCreate = { current: { key: string; body: SessionNoteInput } | null };

/**
 * POSTs the new draft: a first save whose answer never came (the network failed) is sent again as
 * it was, with the same Idempotency-Key, so the server answers the draft it may already have made.
 */
async function createDraft(
  base: `/api/v1/${string}`,
  pending: PendingCreate,
  recoverSession: boolean,
): Promise<SessionNote> {
  const attempt = pending.current!;
  try {
    const draft = await apiFetch<SessionNote>(base, {
      method: 'POST',
      body: attempt.body,
      idempotencyKey: attempt.key,
      recoverSession,
    });
    pending.current = null;
    return draft;
  } catch (error) {
    // The server answered (a refusal stores nothing): the next save starts afresh.
    if (error instanceof ApiProblem) pending.current = null;
    throw error;
  }
}

/**
 * While the form holds unsaved changes, one autosave runs AUTOSAVE_INTERVAL_MS after the first of
 * them, behind any save on its way.
 */
function useAutosave({
  getValues,
  values,
  persist,
  enqueue,
  timerRef,
  lastSavedRef,
}: {
  getValues: () => SessionNoteInput;
  values: unknown;
  persist: (input: SessionNoteInput, recoverSession: boolean) => Promise<SessionNote>;
  enqueue: (work: () => Promise<SessionNote>) => Promise<SessionNote>;
  timerRef: RefObject<ReturnType<typeof setTimeout> | null>;
  lastSavedRef: RefObject<string | null>;
}) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const autosave = useCallback(async () => {
    timerRef.current = null;
    const current = getValues();
    if (snapshot(current) === lastSavedRef.current) return;
    setStatus({ state: 'saving' });
    // SECURITY: autosave never opens the sign-in dialog: it would take the keystrokes of a
    // person typing a note into a password field. "Save draft" offers it.
    try {
      await enqueue(() => persist(current, false));
      setStatus({ state: 'saved', at: new Date() });
    } catch (error) {
      setStatus({ state: 'failed', reason: autosaveFailure(error) });
    }
  }, [enqueue, getValues, persist, timerRef, lastSavedRef]);

  useEffect(() => {
    if (lastSavedRef.current === null || timerRef.current) return;
    if (snapshot(getValues()) === lastSavedRef.current) return;
    timerRef.current = setTimeout(() => void autosave(), AUTOSAVE_INTERVAL_MS);
  }, [values, autosave, getValues, timerRef, lastSavedRef]);

  return { status, setStatus };
}
