// Care-team messages: a per-patient thread between the patient's clinicians.
import { z } from 'zod';
import { CLINICIAN_ROLES } from '@/lib/schemas/enums';
import { freeText, Id, IsoDateTime, pagingFields, Person } from '@/lib/schemas/common';

/** POST /messages. */
export const MessageInput = z.strictObject({
  body: freeText(5_000).refine((s) => s.trim().length > 0, { message: 'Write a message.' }),
});
export type MessageInput = z.infer<typeof MessageInput>;

/** GET /messages: the newest `limit` messages before `cursor` (an older page), oldest first. */
export const MessageListQuery = z.strictObject({ ...pagingFields });

export const Message = z.object({
  id: Id,
  patientId: Id,
  body: z.string(),
  author: Person(CLINICIAN_ROLES),
  createdAt: IsoDateTime,
});
export type Message = z.infer<typeof Message>;

/** Oldest first (newest last); `nextCursor` fetches the older page before this one. */
export const MessagePage = z.object({ items: z.array(Message), nextCursor: z.string().nullable() });
export type MessagePage = z.infer<typeof MessagePage>;
