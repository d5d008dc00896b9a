// The secure conversation between a patient and their active care team, through the API: every
// read and write inside withPatientAccess (conversation.read / conversation.write: the patient
// themself and the clinicians of their active care team; admins 403; anyone else 404). A message
// is never edited or deleted: a correction is another message.
import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { newestFirstPage, patientList } from '@/lib/data/recipes';
import { patientScope } from '@/lib/data/scope';
import {
  conversationUnreadTx,
  messageSelect,
  postPatientMessageTx,
  readConversationTx,
  toConversationMessage,
  type MessageRow,
} from '@/lib/data/conversation/write';
import { parseInput } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import {
  ConversationListQuery,
  ConversationMessageInput,
  type ConversationMessage,
  type ConversationPage,
  type ConversationReadResult,
} from '@/lib/schemas/conversation';

export { conversationUnreadTx } from '@/lib/data/conversation/write';

/**
 * The patient and the clinicians of their active care team: the newest page of the conversation,
 * shown oldest first (`cursor` pages back), with how many messages by others the viewer has not
 * read. Reading does not mark read: the page says so with markConversationRead. Admins
 * ForbiddenError; anyone out of scope NotFoundError.
 */
export const listConversation = patientList(
  ConversationListQuery,
  { permission: 'conversation.read', action: 'list', resourceType: 'conversation' },
  async (tx, patient, { cursor, limit }, viewer): Promise<ConversationPage> => {
    const page = await newestFirstPage(
      tx.patientMessage,
      { where: patientScope(patient), field: 'createdAt', select: messageSelect, cursor, limit },
      (row: MessageRow) => toConversationMessage(row, viewer.userId),
    );
    const unread = await conversationUnreadTx(tx, viewer.userId, patient);
    return { items: page.items.toReversed(), nextCursor: page.nextCursor, unread };
  },
);

/**
 * The patient and the clinicians of their active care team: writes a message, once per
 * Idempotency-Key, and tells the others through their inbox (never the text). Invalid input:
 * InvalidInputError (400) before anything is read.
 */
export async function postConversationMessage(
  viewer: Viewer,
  patientId: string,
  input: z.input<typeof ConversationMessageInput>,
  idempotency?: Idempotency,
): Promise<ConversationMessage> {
  const { body } = parseInput(ConversationMessageInput, input);
  const author = { id: viewer.userId, name: viewer.name, role: viewer.role };
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'conversation.write', action: 'create', resourceType: 'conversation' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, { body }, () =>
        postPatientMessageTx(tx, author, patient, body),
      ),
    (message) => message.id,
  );
}

/**
 * The patient and the clinicians of their active care team: the conversation is read up to now
 * (and the viewer's inbox items about it). Audited as a read of the conversation: it says the
 * viewer opened it, and changes nothing anyone else sees.
 */
export async function markConversationRead(
  viewer: Viewer,
  patientId: string,
): Promise<ConversationReadResult> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'conversation.read', action: 'read', resourceType: 'conversation', writes: true },
    async (tx, patient) => {
      const lastReadAt = await readConversationTx(tx, viewer.userId, patient);
      const unread = await conversationUnreadTx(tx, viewer.userId, patient);
      return { lastReadAt: lastReadAt.toISOString(), unread };
    },
  );
}
