// The one write of an email: a row of EmailOutbox in the caller's transaction, worded by
// lib/mail/templates.ts from its purpose and link alone (no PHI). The sender job (lib/jobs) delivers
// rows whose `notBefore` has come; `dedupeKey` makes one email per event and recipient, however
// often the event's code runs. No 'server-only' and no db import: domain writes call it.
import type { Tx } from '@/lib/db';
import type { EmailPurpose } from '@/lib/schemas/enums';
import { emailFor } from '@/lib/mail/templates';

export type QueuedEmail = {
  recipientId: string;
  purpose: EmailPurpose;
  /** App path the email links to (e.g. `/inbox`). */
  link: string;
  /** One email per key: `<purpose>:<event id>:<recipient id>` or similar. */
  dedupeKey: string;
  notBefore?: Date;
  /** The digest's count of waiting items. */
  count?: number;
  /** An admin's escalation: the clinicians whose patient it is (never the patient). */
  clinicians?: readonly string[];
};

/** The public origin links point to: NEXTAUTH_URL, else the local server. */
export function appOrigin(): string {
  return process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
}

/**
 * Queues `email` for its recipient (an enabled account of the organization), in `tx`. Returns
 * false when the recipient cannot be emailed (disabled, another organization) or the key was
 * already queued.
 */
export async function queueEmailTx(
  tx: Tx,
  organizationId: string,
  email: QueuedEmail,
): Promise<boolean> {
  const recipient = await tx.user.findFirst({
    where: { id: email.recipientId, organizationId, disabledAt: null },
    select: { email: true },
  });
  if (!recipient) return false;
  const content = emailFor(email.purpose, appOrigin(), email.link, email.count, email.clinicians);
  const { count } = await tx.emailOutbox.createMany({
    data: [
      {
        organizationId,
        recipientId: email.recipientId,
        toAddress: recipient.email,
        purpose: email.purpose,
        dedupeKey: email.dedupeKey,
        notBefore: email.notBefore,
        ...content,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
