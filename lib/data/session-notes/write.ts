import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
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
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { ConflictError, InvalidInputError, parseInput } from '@/lib/errors';
import { SessionNoteInput, type SessionNote } from '@/lib/schemas/session-notes';

/**
 * The visit a new note of `viewer` about `patient` may record: one of this patient's, whose
 * clinician is the viewer, not cancelled (else InvalidInputError on `appointmentId`, 400), with no
 * note yet (else ConflictError on `appointmentId`, 409; the unique index is the backstop).
 */
async function assertLinkableVisit(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  appointmentId: string,
): Promise<void> {
  // SECURITY: found only among this patient's visits in their organization.
  const visit = await tx.appointment.findFirst({
    where: { id: appointmentId, ...patientScope(patient) },
    select: { clinicianId: true, status: true, sessionNote: { select: { id: true } } },
  });
  if (!visit || visit.clinicianId !== viewer.userId) {
    throw InvalidInputError.field(
      'appointmentId',
      'Choose one of your own visits with this patient.',
    );
  }
  if (visit.status === 'CANCELLED') {
    throw InvalidInputError.field(
      'appointmentId',
      'This visit was cancelled: it has no session note.',
    );
  }
  if (visit.sessionNote) {
    throw new ConflictError('This visit already has a session note.', 'appointmentId');
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/**
 * Prescribers and therapists on the team: a new draft of their own, recording one of their visits
 * with the patient when `appointmentId` is given (see assertLinkableVisit). Invalid input:
 * InvalidInputError (400).
 */
export const createSessionNote = patientCreate(
  SessionNoteInput,
  { permission: 'sessionNote.write', action: 'create', resourceType: 'sessionNote' },
  async (tx, patient, data, viewer): Promise<SessionNote> => {
    if (data.appointmentId) await assertLinkableVisit(tx, viewer, patient, data.appointmentId);
    const row = await tx.sessionNote
      .create({
        data: {
          ...authoredBy(viewer, patient),
          kind: data.kind,
          format: data.format,
          sessionDate: new Date(data.sessionDate),
          body: data.body,
          appointmentId: data.appointmentId ?? null,
        },
        select: noteSelect,
      })
      .catch((error: unknown) => {
        // Two notes written for one visit at once: the second meets the unique index.
        if (data.appointmentId && isUniqueViolation(error)) {
          throw new ConflictError('This visit already has a session note.', 'appointmentId');
        }
        throw error;
      });
    return toNote(row, viewer);
  },
);

/**
 * The author of a draft: replaces its kind, format, date and sections (an `appointmentId` other
 * than the one it was written for: InvalidInputError). A signed note is immutable:
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
    if (data.appointmentId !== undefined) {
      const linked = await tx.sessionNote.findFirst({
        where: ownNoteIn(viewer, patient, noteId, {}),
        select: { appointmentId: true },
      });
      if (linked?.appointmentId !== data.appointmentId) {
        throw InvalidInputError.field(
          'appointmentId',
          'A note’s visit is set when the note is first saved; it cannot be changed.',
        );
      }
    }
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
