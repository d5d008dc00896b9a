// The transaction-level writes of a session note's life after its draft: signing and withholding
// from the patient, each as the author's write of their own note in a given state (a concurrent
// sign or withhold wins cleanly). The API (./write.ts, ./amend.ts) finds the note and wraps them
// with access and audit; the demo seed and the test factories call them as they are. No
// 'server-only' and no db import: the seed runs them from a plain Node script.
import { forgetNoteForPatient, notifyNoteSigned } from '@/lib/data/notifications/events';
import type { Prisma, SessionNoteFormat } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { ConflictError } from '@/lib/errors';
import { NOTE_SECTIONS } from '@/lib/schemas/session-notes';
import { patientScope } from '@/lib/data/scope';

type Author = Pick<Viewer, 'userId'>;
type PatientRef = { id: string; organizationId: string };
type Draft = { id: string; status: string; format: SessionNoteFormat; body: unknown };

/**
 * SECURITY: the where of a write to the author's own note in a given state: the author and the
 * state are part of the write itself, so a concurrent sign or withhold wins cleanly.
 */
export function ownNoteIn(
  author: Author,
  patient: PatientRef,
  noteId: string,
  state: Prisma.SessionNoteWhereInput,
): Prisma.SessionNoteWhereInput {
  return {
    id: noteId,
    ...patientScope(patient),
    authorId: author.userId,
    ...state,
  };
}

/** The note's sections for its format ('' for a missing one). */
export function bodyOf(note: { format: SessionNoteFormat; body: unknown }): Record<string, string> {
  const raw = (note.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    NOTE_SECTIONS[note.format].map(([key]) => [key, typeof raw[key] === 'string' ? raw[key] : '']),
  );
}

/**
 * Signs the author's draft at `at` (default: now): from then on it is immutable. ConflictError
 * when already signed or a section is empty.
 */
export async function signSessionNoteTx(
  tx: Tx,
  author: Author,
  patient: PatientRef,
  note: Draft,
  at: Date = new Date(),
): Promise<void> {
  if (note.status === 'SIGNED') throw new ConflictError('This note is already signed.');
  const body = bodyOf(note);
  const empty = NOTE_SECTIONS[note.format].find(([key]) => !body[key]?.trim());
  if (empty) {
    throw new ConflictError(`Fill in the ${empty[1]} section before signing.`, `body.${empty[0]}`);
  }
  const { count } = await tx.sessionNote.updateMany({
    where: ownNoteIn(author, patient, note.id, { status: 'DRAFT' }),
    data: { status: 'SIGNED', signedAt: at, updatedAt: at },
  });
  if (count === 0) throw new ConflictError('This note is already signed.');
  await notifyNoteSigned(tx, patient, { id: note.id, authorId: author.userId }, at);
}

/**
 * Withholds the author's signed note from the patient at `at` (default: now), with the reason
 * (the care team still reads it). ConflictError on a draft or a note already withheld.
 */
export async function withholdSessionNoteTx(
  tx: Tx,
  author: Author,
  patient: PatientRef,
  note: { id: string; status: string },
  reason: string,
  at: Date = new Date(),
): Promise<void> {
  if (note.status !== 'SIGNED') {
    throw new ConflictError('Only a signed note can be withheld; a draft is already private.');
  }
  const { count } = await tx.sessionNote.updateMany({
    where: ownNoteIn(author, patient, note.id, { status: 'SIGNED', withheldAt: null }),
    data: { withheldAt: at, withheldReason: reason.trim(), updatedAt: at },
  });
  if (count === 0) throw new ConflictError('This note is already withheld from the patient.');
  await forgetNoteForPatient(tx, patient, note.id);
}
