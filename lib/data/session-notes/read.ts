import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { afterKey, keysetPage } from '@/lib/data/recipes';
import { findVisible, noteSelect, notesVisibleTo, toNote } from '@/lib/data/session-notes/shared';
import { parseInput } from '@/lib/errors';
import {
  SessionNoteListQuery,
  type SessionNote,
  type SessionNotePage,
} from '@/lib/schemas/session-notes';

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
