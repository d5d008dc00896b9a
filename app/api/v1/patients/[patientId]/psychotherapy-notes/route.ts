import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { createPsychotherapyNote, listPsychotherapyNotes } from '@/lib/data/psychotherapy-notes';
import {
  PsychotherapyNoteInput,
  PsychotherapyNoteListQuery,
} from '@/lib/schemas/psychotherapy-notes';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(
    await listPsychotherapyNotes(
      viewer,
      params.patientId,
      readQuery(request, PsychotherapyNoteListQuery),
    ),
  ),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    created(
      await createPsychotherapyNote(
        viewer,
        params.patientId,
        await readBody(request, PsychotherapyNoteInput),
        idempotency,
      ),
    ),
);
