import 'server-only';
// The database side of sending (docs/decisions/023-jobs-and-email.md). A row is claimed in a short
// transaction of its own (FOR UPDATE SKIP LOCKED, then its notBefore pushed a lease ahead), so two
// senders never hold the same row and no transaction stays open while SMTP talks. The caller then
// delivers it and settles it: sent, or failed with backoff, dead after MAX_ATTEMPTS. A sender that
// dies between claim and settle leaves the row to come back when the lease ends.
import { Prisma } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import type { OutgoingEmail } from '@/lib/mail/transport';

/** Failed deliveries before a row is dead (the dead-letter list of /admin/outbox). */
export const MAX_ATTEMPTS = 5;
/** How long a claim holds a row: longer than one delivery can take (lib/mail/transport.ts). */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** lastError keeps the start of the SMTP answer: enough to diagnose, never a message body. */
const ERROR_LENGTH = 500;

export type ClaimedEmail = OutgoingEmail & { attempts: number };

/**
 * Claims the next due row (`sentAt` and `deadAt` null, `notBefore` come) for `lease` ms, or null.
 * `organizationId` narrows the claim to one organization (tests, which share a database).
 */
export async function claimNextEmail(
  now: Date,
  organizationId?: string,
  lease = CLAIM_LEASE_MS,
): Promise<ClaimedEmail | null> {
  const scope = organizationId
    ? Prisma.sql`AND "organizationId" = ${organizationId}::uuid`
    : Prisma.empty;
  const rows = await db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailOutbox" SET "notBefore" = ${new Date(now.getTime() + lease)}
    WHERE id = (
      SELECT id FROM "EmailOutbox"
      WHERE "sentAt" IS NULL AND "deadAt" IS NULL AND "notBefore" <= ${now} ${scope}
      ORDER BY "notBefore", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "toAddress", subject, text, html, attempts`;
  return rows[0] ?? null;
}

/** The row was accepted by the SMTP server. Only a row still unsent is marked. */
export async function markSent(id: string, now: Date): Promise<void> {
  await db.emailOutbox.updateMany({ where: { id, sentAt: null }, data: { sentAt: now } });
}

/** The delay before attempt `attempts + 1`: 2^attempts minutes (2, 4, 8, 16 …). */
export function backoffMs(attempts: number): number {
  return 2 ** attempts * 60_000;
}

/**
 * The delivery failed: one more attempt counted, the SMTP error kept (no PHI: the server's answer,
 * about an address and a code), the next try after the backoff, or the row dead after the last.
 */
export async function markFailed(
  email: Pick<ClaimedEmail, 'id' | 'attempts'>,
  now: Date,
  error: string,
): Promise<{ dead: boolean }> {
  const attempts = email.attempts + 1;
  const dead = attempts >= MAX_ATTEMPTS;
  await db.emailOutbox.updateMany({
    where: { id: email.id, sentAt: null },
    data: {
      attempts,
      lastError: error.slice(0, ERROR_LENGTH),
      notBefore: new Date(now.getTime() + backoffMs(attempts)),
      deadAt: dead ? now : null,
    },
  });
  return { dead };
}
