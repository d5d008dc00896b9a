// Session notes (progress notes), one file per verb (docs/decisions/018-one-shape.md): who sees
// which note and the shared mapping (shared.ts), reads, drafts and signing, addenda and withholding.
export { notesVisibleTo } from '@/lib/data/session-notes/shared';
export { getSessionNote, listSessionNotes } from '@/lib/data/session-notes/read';
export {
  createSessionNote,
  signSessionNote,
  updateSessionNote,
} from '@/lib/data/session-notes/write';
export { addAddendum, withholdSessionNote } from '@/lib/data/session-notes/amend';
export type { SessionNote, SessionNotePage } from '@/lib/schemas/session-notes';
