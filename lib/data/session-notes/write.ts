import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { authoredBy, patientCreate } from '@/lib/data/recipes';
import { withPatientAccess } from '@/lib/data/patient-access';
import {
  findOwn,
  findVisible,
  noteSelect,
  ownNoteIn,
  toNote,
  noteAccess,
} from '@/lib/data/session-notes/shared';
import { signSessionNoteTx } from '@/lib/data/session-notes/sign';
import { ConflictError, parseInput } from '@/lib/errors';
import { SessionNoteInput, type SessionNote } from '@/lib/schemas/session-notes';

/** Prescribers and therapists on the team: a new draft of their own. Invalid input: InvalidInputError (400). */
export const createSessionNote = patientCreate(
  SessionNoteInput,
  { permission: 'sessionNote.write', action: 'create', resourceType: 'sessionNote' },
  async (tx, patient, data, viewer): Promise<SessionNote> => {
    const row = await tx.sessionNote.create({
      data: {
        ...authoredBy(viewer, patient),
        kind: data.kind,
        format: data.format,
        sessionDate: new Date(data.sessionDate),
        body: data.body,
      },
      select: noteSelect,
    });
    return toNote(row, viewer);
  },
);

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
  return withPatientAccess(viewer, patientId, noteAccess('update', noteId), async (tx, patient) => {
    await findOwn(tx, viewer, patient, noteId);
    const { count } = await tx.sessionNote.updateMany({
      where: ownNoteIn(viewer, patient, noteId, { status: 'DRAFT' }),
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
  });
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
  return withPatientAccess(viewer, patientId, noteAccess('sign', noteId), async (tx, patient) => {
    await signSessionNoteTx(tx, viewer, patient, await findOwn(tx, viewer, patient, noteId));
    return toNote(await findVisible(tx, viewer, patient, noteId), viewer);
  });
}
