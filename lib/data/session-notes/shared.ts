import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { can, isAuthor } from '@/lib/auth/policy';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { personSelect } from '@/lib/data/selects';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import { Id } from '@/lib/schemas/common';
import { bodyOf } from '@/lib/data/session-notes/sign';
import { type Addendum, type SessionNote } from '@/lib/schemas/session-notes';

/**
 * SECURITY: the one definition of which session notes a viewer may see. Without
 * sessionNote.readWithheld (a patient): their signed notes that are not withheld. A clinician on
 * the team: every signed note and their own drafts; another author's draft does not exist for them.
 */
export function notesVisibleTo(
  viewer: Viewer,
  patient: ScopedPatient,
): Prisma.SessionNoteWhereInput {
  const scope = patientScope(patient);
  if (!can(viewer, 'sessionNote.readWithheld')) {
    return { ...scope, status: 'SIGNED', withheldAt: null };
  }
  return { ...scope, OR: [{ status: 'SIGNED' }, { status: 'DRAFT', authorId: viewer.userId }] };
}

/** The access (lib/data/patient-access.ts) of a read or write of one note, audited with its id. */
export function noteAccess(action: 'read' | 'update' | 'sign' | 'withhold', noteId: string) {
  const permission = action === 'read' ? 'sessionNote.read' : 'sessionNote.write';
  return { permission, action, resourceType: 'sessionNote', resourceId: noteId } as const;
}

/** An addendum as every read of a note selects it. */
export const addendumSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: personSelect },
} as const satisfies Prisma.SessionNoteAddendumSelect;

export const noteSelect = {
  id: true,
  patientId: true,
  kind: true,
  format: true,
  sessionDate: true,
  body: true,
  status: true,
  signedAt: true,
  withheldAt: true,
  withheldReason: true,
  createdAt: true,
  updatedAt: true,
  author: { select: personSelect },
  addenda: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 100,
    select: addendumSelect,
  },
} as const satisfies Prisma.SessionNoteSelect;

export type NoteRow = Prisma.SessionNoteGetPayload<{ select: typeof noteSelect }>;

type AddendumRow = NoteRow['addenda'][number];

function person(p: { id: string; name: string; role: string }) {
  // Notes and addenda are written by clinicians only (sessionNote.write).
  return { id: p.id, name: p.name, role: clinicianRole(p.role) };
}

export function toAddendum(row: AddendumRow): Addendum {
  return {
    id: row.id,
    body: row.body,
    author: person(row.author),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toNote(row: NoteRow, viewer: Viewer): SessionNote {
  return {
    id: row.id,
    patientId: row.patientId,
    kind: row.kind,
    format: row.format,
    sessionDate: toIsoDate(row.sessionDate),
    body: bodyOf(row),
    status: row.status,
    signedAt: row.signedAt?.toISOString() ?? null,
    // SECURITY: a patient never sees a withheld note, nor why notes are withheld.
    withheld:
      row.withheldAt && can(viewer, 'sessionNote.readWithheld')
        ? { at: row.withheldAt.toISOString(), reason: row.withheldReason ?? '' }
        : null,
    author: person(row.author),
    addenda: row.addenda.map(toAddendum),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A note the viewer may see, or NotFoundError (a malformed id names nothing). */
export async function findVisible(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  noteId: string,
): Promise<NoteRow> {
  // A malformed id (from a page's URL) names nothing; PostgreSQL would refuse it as a uuid.
  if (!Id.safeParse(noteId).success) throw new NotFoundError('session note');
  const row = await tx.sessionNote.findFirst({
    where: { AND: [notesVisibleTo(viewer, patient), { id: noteId }] },
    select: noteSelect,
  });
  if (!row) throw new NotFoundError('session note');
  return row;
}

/** A note the viewer wrote (NotFoundError when they may not see it; ForbiddenError if not theirs). */
export async function findOwn(tx: Tx, viewer: Viewer, patient: ScopedPatient, noteId: string) {
  const row = await findVisible(tx, viewer, patient, noteId);
  // SECURITY: only the author changes, signs, amends or withholds a note (policy: isAuthor).
  if (!isAuthor(viewer, row.author.id)) {
    throw new ForbiddenError('Only the author of a note can change it.');
  }
  return row;
}

export { bodyOf, ownNoteIn } from '@/lib/data/session-notes/sign';
