// The secure conversation between a patient and their active care team (docs/decisions/
// 025-patient-conversation.md): read, write, mark read. No PUT, PATCH or DELETE: a message is never
// edited, only followed by another.
import { defineRoute } from '@/lib/api/define-route';
import {
  listConversation,
  markConversationRead,
  postConversationMessage,
} from '@/lib/data/conversation';
import {
  ConversationListQuery,
  ConversationMessage,
  ConversationMessageInput,
  ConversationPage,
  ConversationReadResult,
} from '@/lib/schemas/conversation';
import { PatientParams } from '@/lib/schemas/patients';

const PATH = '/api/v1/patients/{patientId}/conversation';
const conversation = {
  params: PatientParams,
  tag: 'Conversation',
  who: 'The patient and the clinicians of their active care team; admins get 403, anyone else 404.',
} as const;

/** The routes of the patient–care team conversation. */
export const conversationRoutes = [
  defineRoute({
    method: 'GET',
    path: PATH,
    ...conversation,
    summary:
      'The conversation between the patient and their care team: the newest page, newest last; `cursor` pages back in time. `unread` counts the messages by others the caller has not marked read. Reading does not mark read.',
    permission: 'conversation.read',
    query: ConversationListQuery,
    success: { status: 200, description: 'A page of messages.', schema: ConversationPage },
    handler: ({ viewer, params, query }) => listConversation(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: PATH,
    idempotent: true,
    ...conversation,
    summary:
      'Write to the conversation. The others (the care team, or the patient and the other clinicians) get an inbox item that never holds the text. A message cannot be edited or deleted.',
    permission: 'conversation.write',
    body: ConversationMessageInput,
    success: { status: 201, description: 'The message.', schema: ConversationMessage },
    handler: ({ viewer, params, body, idempotency }) =>
      postConversationMessage(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: `${PATH}/read`,
    ...conversation,
    summary:
      'Mark the conversation read up to now, with the caller’s inbox items about its messages. Marking it again changes nothing.',
    permission: 'conversation.read',
    success: {
      status: 200,
      description: 'How far the caller has read, and what is left unread.',
      schema: ConversationReadResult,
    },
    handler: ({ viewer, params }) => markConversationRead(viewer, params.patientId),
  }),
] as const;
