import { z } from 'zod';
import { EMAIL_PURPOSES } from '@/lib/schemas/enums';
import { Id, IsoDateTime, Page, pagingFields } from '@/lib/schemas/common';

/** Where an email stands: waiting to be sent (or retried), sent, or given up on (dead). */
export const OUTBOX_STATUSES = ['waiting', 'sent', 'dead'] as const;

/** GET /api/v1/admin/outbox query: newest first, optionally only one status. */
export const OutboxListQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  ...pagingFields,
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

/** POST /api/v1/admin/outbox/{emailId}/retry path. */
export const OutboxEmailParams = z.strictObject({ emailId: Id });

/**
 * An email of the organization as the outbox shows it to admins: its words are those of
 * lib/mail/templates.ts (no PHI), its recipient an account of the organization.
 */
export const OutboxEmail = z.object({
  id: Id,
  toAddress: z.string(),
  recipientName: z.string(),
  purpose: z.enum(EMAIL_PURPOSES),
  subject: z.string(),
  text: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  createdAt: IsoDateTime,
  notBefore: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deadAt: IsoDateTime.nullable(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

export const OutboxList = Page(OutboxEmail);
export type OutboxList = z.infer<typeof OutboxList>;
