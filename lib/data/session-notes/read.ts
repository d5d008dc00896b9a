import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { newestFirstPage, patientList } from '@/lib/data/recipes';
import {
  findVisible,
  noteSelect,
  notesVisibleTo,
  toNote,
  type NoteRow,
  noteAccess,
} from '@/lib/data/session-notes/shared';
import {
  SessionNoteListQuery,
  type SessionNote,
  type SessionNotePage,
} from '@/lib/schemas/session-notes';

/**
 * The patient (signed, not withheld) and clinicians on the team (signed, and their own drafts):
 * a page of notes, newest session first. NotFoundError out of scope; admins ForbiddenError.
 */
export const listSessionNotes = patientList(
  SessionNoteListQuery,
  { permission: 'sessionNote.read', action: 'list', resourceType: 'sessionNote' },
  async (tx, patient, { cursor, limit }, viewer): Promise<SessionNotePage> => {
    const visible = notesVisibleTo(viewer, patient);
    return newestFirstPage(
      tx.sessionNote,
      { where: visible, field: 'sessionDate', select: noteSelect, cursor, limit },
      (row: NoteRow) => toNote(row, viewer),
    );
  },
);

/** The patient and clinicians on the team: one note they may see (else NotFoundError). */
export async function getSessionNote(
  viewer: Viewer,
  patientId: string,
  noteId: string,
): Promise<SessionNote> {
  return withPatientAccess(viewer, patientId, noteAccess('read', noteId), async (tx, patient) =>
    toNote(await findVisible(tx, viewer, patient, noteId), viewer),
  );
}
