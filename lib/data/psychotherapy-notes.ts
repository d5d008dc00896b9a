import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { toIsoDate } from '@/lib/format';

import {
  PsychotherapyNoteInput,
  PsychotherapyNoteListQuery,
  type PsychotherapyNote,
  type PsychotherapyNotePage,
} from '@/lib/schemas/psychotherapy-notes';
import { authoredBy, newestFirstPage, patientCreate, patientList } from '@/lib/data/recipes';

export type { PsychotherapyNote, PsychotherapyNotePage } from '@/lib/schemas/psychotherapy-notes';

/**
 * SECURITY (HIPAA 45 CFR 164.501, docs/decisions/010-psychotherapy-notes.md): psychotherapy notes are readable by their author
 * alone. Every query of the table goes through this where; no other module reads it, so these
 * notes never reach a brief, timeline, count, search or export.
 */
function ownNotes(viewer: Viewer, patient: ScopedPatient): Prisma.PsychotherapyNoteWhereInput {
  return { ...patientScope(patient), authorId: viewer.userId };
}

const select = {
  id: true,
  patientId: true,
  sessionDate: true,
  body: true,
  createdAt: true,
} as const satisfies Prisma.PsychotherapyNoteSelect;

function toDto(
  row: Prisma.PsychotherapyNoteGetPayload<{ select: typeof select }>,
): PsychotherapyNote {
  return {
    id: row.id,
    patientId: row.patientId,
    sessionDate: row.sessionDate ? toIsoDate(row.sessionDate) : null,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Therapists on the team: their own psychotherapy notes for the patient, newest first (another
 * therapist's are never listed). Everyone else: ForbiddenError in scope, NotFoundError out of it.
 * Audited as 'psychotherapyNote', which the access log and the admin audit view leave out.
 */
export const listPsychotherapyNotes = patientList(
  PsychotherapyNoteListQuery,
  { permission: 'psychotherapyNote.readOwn', action: 'list', resourceType: 'psychotherapyNote' },
  async (tx, patient, { cursor, limit }, viewer): Promise<PsychotherapyNotePage> => {
    const own = ownNotes(viewer, patient);
    return newestFirstPage(
      tx.psychotherapyNote,
      { where: own, field: 'createdAt', select, cursor, limit },
      toDto,
    );
  },
);

/** Therapists on the team: records a psychotherapy note of their own. Invalid input: InvalidInputError (400). */
export const createPsychotherapyNote = patientCreate(
  PsychotherapyNoteInput,
  { permission: 'psychotherapyNote.write', action: 'create', resourceType: 'psychotherapyNote' },
  async (tx, patient, data, viewer): Promise<PsychotherapyNote> =>
    toDto(
      await tx.psychotherapyNote.create({
        data: {
          ...authoredBy(viewer, patient),
          sessionDate: data.sessionDate ? new Date(data.sessionDate) : null,
          body: data.body,
        },
        select,
      }),
    ),
);
