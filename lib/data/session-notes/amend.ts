import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { authoredBy } from '@/lib/data/recipes';
import { withPatientAccess } from '@/lib/data/patient-access';
import {
  findOwn,
  findVisible,
  addendumSelect,
  toAddendum,
  toNote,
  noteAccess,
} from '@/lib/data/session-notes/shared';
import { withholdSessionNoteTx } from '@/lib/data/session-notes/sign';
import { ConflictError, parseInput } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import {
  AddendumInput,
  WithholdInput,
  type Addendum,
  type SessionNote,
} from '@/lib/schemas/session-notes';

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
            ...authoredBy(viewer, patient),
            noteId: row.id,
            body,
          },
          select: addendumSelect,
        });
        return toAddendum(addendum);
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
    noteAccess('withhold', noteId),
    async (tx, patient) => {
      const row = await findOwn(tx, viewer, patient, noteId);
      await withholdSessionNoteTx(tx, viewer, patient, row, reason);
      return toNote(await findVisible(tx, viewer, patient, noteId), viewer);
    },
  );
}
