// The secure conversation between a patient and their active care team (not the care team's
// internal thread, lib/schemas/messages.ts, which patients never see). Messages are never edited:
// a correction is another message.
import { z } from 'zod';
import { freeText, Id, IsoDateTime, pagingFields, Person } from '@/lib/schemas/common';
import { CONVERSATION_MESSAGE_MAX } from '@/lib/schemas/conversation-values';
export { CONVERSATION_MESSAGE_MAX };

/** POST /conversation: the text of a new message (trimmed; line breaks kept). */
export const ConversationMessageInput = z.strictObject({
  body: freeText(CONVERSATION_MESSAGE_MAX + 200)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'Write a message.' })
        .max(CONVERSATION_MESSAGE_MAX, {
          message: `Keep it under ${CONVERSATION_MESSAGE_MAX.toLocaleString('en-US')} characters.`,
        }),
    ),
});
export type ConversationMessageInput = z.infer<typeof ConversationMessageInput>;

/** GET /conversation: the newest `limit` messages before `cursor` (an older page), oldest first. */
export const ConversationListQuery = z.strictObject({ ...pagingFields });

export const ConversationMessage = z.object({
  id: Id,
  body: z.string(),
  /** The patient or a clinician of their care team (then or now). */
  author: Person(['PATIENT', 'PRESCRIBER', 'THERAPIST']),
  createdAt: IsoDateTime,
  /** The reader wrote it. */
  mine: z.boolean(),
});
export type ConversationMessage = z.infer<typeof ConversationMessage>;

/**
 * Oldest first (newest last); `nextCursor` fetches the older page before this one. `unread`: the
 * messages by others the reader has not marked read yet, in the whole conversation.
 */
export const ConversationPage = z.object({
  items: z.array(ConversationMessage),
  nextCursor: z.string().nullable(),
  unread: z.int().min(0),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

/** POST /conversation/read: how far the reader has read, and what is left (0). */
export const ConversationReadResult = z.object({
  lastReadAt: IsoDateTime,
  unread: z.int().min(0),
});
export type ConversationReadResult = z.infer<typeof ConversationReadResult>;
