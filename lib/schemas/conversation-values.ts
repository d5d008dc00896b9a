// The plain values of lib/schemas/conversation.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

/** The most a message may hold: a long letter, not a document. */
export const CONVERSATION_MESSAGE_MAX = 4_000;
