import 'server-only';
import type { Idempotency } from '@/lib/idempotency';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { afterKey, keysetPage } from '@/lib/data/recipes';
import { withPatientAccess, type ScopedPatient } from '@/lib/data/patient-access';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  parseInput,
} from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import { Id } from '@/lib/schemas/common';
import {
  AddendumInput,
  NOTE_SECTIONS,
  SessionNoteInput,
  SessionNoteListQuery,
  WithholdInput,
  type Addendum,
  type SessionNote,
  type SessionNotePage,
} from '@/lib/schemas/session-notes';

export type { SessionNote, SessionNotePage } from '@/lib/schemas/session-notes';

/**
 * SECURITY (PRODUCT.md, session notes): the one definition of which notes a viewer may see. A
 * patient: their signed notes that are not withheld. A clinician on the team: every signed note
 * and their own drafts; another author's draft does not exist for them.
 */
export function notesVisibleTo(
  viewer: Viewer,
  patient: ScopedPatient,
): Prisma.SessionNoteWhereInput {
  const scope = { patientId: patient.id, organizationId: patient.organizationId };
  if (viewer.role === 'PATIENT') return { ...scope, status: 'SIGNED', withheldAt: null };
  return { ...scope, OR: [{ status: 'SIGNED' }, { status: 'DRAFT', authorId: viewer.userId }] };
}

const personSelect = { select: { id: true, name: true, role: true } } as const;

const noteSelect = {
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
  author: personSelect,
  addenda: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 100,
    select: { id: true, body: true, createdAt: true, author: personSelect },
  },
} as const satisfies Prisma.SessionNoteSelect;

type NoteRow = Prisma.SessionNoteGetPayload<{ select: typeof noteSelect }>;

function person(p: { id: string; name: string; role: string }) {
  // Notes and addenda are written by clinicians only (sessionNote.write).
  return {
    id: p.id,
    name: p.name,
    role: clinicianRole(p.role),
  } as const;
}

function bodyOf(row: NoteRow): Record<string, string> {
  const raw = (row.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    NOTE_SECTIONS[row.format].map(([key]) => [key, typeof raw[key] === 'string' ? raw[key] : '']),
  );
}

function toNote(row: NoteRow, viewer: Viewer): SessionNote {
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
      row.withheldAt && viewer.role !== 'PATIENT'
        ? { at: row.withheldAt.toISOString(), reason: row.withheldReason ?? '' }
        : null,
    author: person(row.author),
    addenda: row.addenda.map((a): Addendum => ({
      id: a.id,
      body: a.body,
      author: person(a.author),
      createdAt: a.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The patient (signed, not withheld) and clinicians on the team (signed, and their own drafts):
 * a page of notes, newest session first. NotFoundError out of scope; admins ForbiddenError.
 */
export async function listSessionNotes(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof SessionNoteListQuery> = {},
): Promise<SessionNotePage> {
  const { cursor, limit } = parseInput(SessionNoteListQuery, query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'sessionNote.read', action: 'list', resourceType: 'sessionNote' },
    async (tx, patient) => {
      const visible = notesVisibleTo(viewer, patient);
      return keysetPage({
        cursor,
        limit,
        findKey: async (id) => {
          const at = await tx.sessionNote.findFirst({
            where: { AND: [visible, { id }] },
            select: { id: true, sessionDate: true },
          });
          return at && { value: at.sessionDate, id: at.id };
        },
        fetch: (after, take) =>
          tx.sessionNote.findMany({
            where: { AND: [visible, ...(after ? [afterKey('sessionDate', after, 'desc')] : [])] },
            orderBy: [{ sessionDate: 'desc' }, { id: 'desc' }],
            take,
            select: noteSelect,
          }),
        cursorOf: (row) => row.id,
        toItem: (row) => toNote(row, viewer),
      });
    },
  );
}

async function findVisible(
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

/** The patient and clinicians on the team: one note they may see (else NotFoundError). */
export async function getSessionNote(
  viewer: Viewer,
  patientId: string,
  noteId: string,
): Promise<SessionNote> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'sessionNote.read',
      action: 'read',
      resourceType: 'sessionNote',
      resourceId: noteId,
    },
    async (tx, patient) => toNote(await findVisible(tx, viewer, patient, noteId), viewer),
  );
}

/** Prescribers and therapists on the team: a new draft of their own. Invalid input: InvalidInputError (400). */
export async function createSessionNote(
  viewer: Viewer,
  patientId: string,
  input: z.input<typeof SessionNoteInput>,
  idempotency?: Idempotency,
): Promise<SessionNote> {
  const data = parseInput(SessionNoteInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'sessionNote.write', action: 'create', resourceType: 'sessionNote' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, data, async () => {
        const row = await tx.sessionNote.create({
          data: {
            organizationId: patient.organizationId,
            patientId: patient.id,
            authorId: viewer.userId,
            kind: data.kind,
            format: data.format,
            sessionDate: new Date(data.sessionDate),
            body: data.body,
          },
          select: noteSelect,
        });
        return toNote(row, viewer);
      }),
    (note) => note.id,
  );
}

/** A note the viewer wrote (NotFoundError when they may not see it; ForbiddenError if not theirs). */
async function findOwn(tx: Tx, viewer: Viewer, patient: ScopedPatient, noteId: string) {
  const row = await findVisible(tx, viewer, patient, noteId);
  // SECURITY: only the author changes, signs, amends or withholds a note (PRODUCT.md: write own).
  if (row.author.id !== viewer.userId) {
    throw new ForbiddenError('Only the author of a note can change it.');
  }
  return row;
}

/**
 * The author of a draft: replaces its kind, format, date and sections. A signed note is immutable:
 * ConflictError (409), corrections go in addenda.
 */
export async function updateSessionNote(
  viewer: Viewer,
  patientId: string,
  noteId: string,
  input: z.input<typeof SessionNoteInput>,
): Promise<SessionNote> {
  const data = parseInput(SessionNoteInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'sessionNote.write',
      action: 'update',
      resourceType: 'sessionNote',
      resourceId: noteId,
    },
    async (tx, patient) => {
      await findOwn(tx, viewer, patient, noteId);
      // SECURITY: the status is part of the write's own where, so a concurrent sign wins cleanly.
      const { count } = await tx.sessionNote.updateMany({
        where: {
          id: noteId,
          patientId: patient.id,
          organizationId: patient.organizationId,
          authorId: viewer.userId,
          status: 'DRAFT',
        },
        data: {
          kind: data.kind,
          format: data.format,
          sessionDate: new Date(data.sessionDate),
          body: data.body,
        },
      });
      if (count === 0) {
        throw new ConflictError('A signed note cannot be changed. Add an addendum instead.');
      }
      return toNote(await findVisible(tx, viewer, patient, noteId), viewer);
    },
  );
}

/**
 * The author of a draft: signs it; from then on it is immutable and the care team (and the patient,
 * unless withheld) can read it. ConflictError when already signed or a section is empty.
 */
export async function signSessionNote(
  viewer: Viewer,
  patientId: string,
  noteId: string,
): Promise<SessionNote> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'sessionNote.write',
      action: 'sign',
      resourceType: 'sessionNote',
      resourceId: noteId,
    },
    async (tx, patient) => {
      const row = await findOwn(tx, viewer, patient, noteId);
      if (row.status === 'SIGNED') throw new ConflictError('This note is already signed.');
      const body = bodyOf(row);
      const empty = NOTE_SECTIONS[row.format].find(([key]) => !body[key]?.trim());
      if (empty) {
        throw new ConflictError(
          `Fill in the ${empty[1]} section before signing.`,
          `body.${empty[0]}`,
        );
      }
      const { count } = await tx.sessionNote.updateMany({
        where: {
          id: noteId,
          patientId: patient.id,
          organizationId: patient.organizationId,
          authorId: viewer.userId,
          status: 'DRAFT',
        },
        data: { status: 'SIGNED', signedAt: new Date() },
      });
      if (count === 0) throw new ConflictError('This note is already signed.');
      return toNote(await findVisible(tx, viewer, patient, noteId), viewer);
    },
  );
}

/**
 * The author of a signed note: appends an addendum (append-only; the note itself never changes).
 * ConflictError on a draft (edit the draft instead).
 */
export async function addAddendum(
  viewer: Viewer,
  patientId: string,
  noteId: string,
  input: z.input<typeof AddendumInput>,
  idempotency?: Idempotency,
): Promise<Addendum> {
  const { body } = parseInput(AddendumInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'sessionNote.write', action: 'create', resourceType: 'sessionNoteAddendum' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, { noteId, body }, async () => {
        const row = await findOwn(tx, viewer, patient, noteId);
        if (row.status !== 'SIGNED') {
          throw new ConflictError('Addenda are for signed notes; edit the draft instead.');
        }
        const addendum = await tx.sessionNoteAddendum.create({
          data: {
            organizationId: patient.organizationId,
            patientId: patient.id,
            noteId: row.id,
            authorId: viewer.userId,
            body,
          },
          select: { id: true, body: true, createdAt: true, author: personSelect },
        });
        return {
          id: addendum.id,
          body: addendum.body,
          author: person(addendum.author),
          createdAt: addendum.createdAt.toISOString(),
        };
      }),
    (addendum) => addendum.id,
  );
}

/**
 * The author of a signed note: withholds it from the patient, with the reason (the care team still
 * reads it). ConflictError on a draft or a note already withheld.
 */
export async function withholdSessionNote(
  viewer: Viewer,
  patientId: string,
  noteId: string,
  input: z.input<typeof WithholdInput>,
): Promise<SessionNote> {
  const { reason } = parseInput(WithholdInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'sessionNote.write',
      action: 'withhold',
      resourceType: 'sessionNote',
      resourceId: noteId,
    },
    async (tx, patient) => {
      const row = await findOwn(tx, viewer, patient, noteId);
      if (row.status !== 'SIGNED') {
        throw new ConflictError('Only a signed note can be withheld; a draft is already private.');
      }
      const { count } = await tx.sessionNote.updateMany({
        where: {
          id: noteId,
          patientId: patient.id,
          organizationId: patient.organizationId,
          authorId: viewer.userId,
          status: 'SIGNED',
          withheldAt: null,
        },
        data: { withheldAt: new Date(), withheldReason: reason.trim() },
      });
      if (count === 0) throw new ConflictError('This note is already withheld from the patient.');
      return toNote(await findVisible(tx, viewer, patient, noteId), viewer);
    },
  );
}
