import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { createSessionNote, listSessionNotes } from '@/lib/data/session-notes';
import { SessionNoteInput, SessionNoteListQuery } from '@/lib/schemas/session-notes';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listSessionNotes(viewer, params.patientId, readQuery(request, SessionNoteListQuery))),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) =>
    created(
      await createSessionNote(
        viewer,
        params.patientId,
        await readBody(request, SessionNoteInput),
        idempotency,
      ),
    ),
);
