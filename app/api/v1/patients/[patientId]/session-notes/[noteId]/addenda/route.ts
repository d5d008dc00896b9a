import { created, handle, pathId, readBody } from '@/lib/api/handler';
import { addAddendum } from '@/lib/data/session-notes';
import { AddendumInput } from '@/lib/schemas/session-notes';

export const POST = handle<{ patientId: string; noteId: string }>(
  async (request, { params, viewer, idempotency }) => {
    const noteId = pathId(params.noteId, 'session note');
    const input = await readBody(request, AddendumInput);
    return created(await addAddendum(viewer, params.patientId, noteId, input, idempotency));
  },
);
