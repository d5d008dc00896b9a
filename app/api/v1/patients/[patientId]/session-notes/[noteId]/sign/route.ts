import { handle, ok } from '@/lib/api/handler';
import { signSessionNote } from '@/lib/data/session-notes';

export const POST = handle<{ patientId: string; noteId: string }>(
  async (_request, { params, viewer }) =>
    ok(await signSessionNote(viewer, params.patientId, params.noteId)),
);
