import 'server-only';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { env } from '@/lib/env';
import type { Viewer } from '@/lib/auth/viewer';
import type { Idempotency } from '@/lib/idempotency';
import { idempotent } from '@/lib/data/idempotency';
import { findAccountOf, userSummaryOf } from '@/lib/data/admin/users';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { ConflictError } from '@/lib/errors';
import type { SetPasswordLinkResult } from '@/lib/schemas/admin';

/** How long a one-time set-password link works. */
export const SET_PASSWORD_LINK_HOURS = 72;

/** The stored form of a link's token: only its SHA-256 is kept. */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The link an admin hands over. */
export function setPasswordUrl(token: string, origin?: string): string {
  const path = `/set-password?token=${token}`;
  // The configured public URL wins over the request's own Host, which a client controls.
  const base = env.NEXTAUTH_URL ?? origin;
  return base ? new URL(path, base).toString() : path;
}

/**
 * The token of a set-password link. With an Idempotency-Key it is derived (keyed by the server's
 * secret) from the admin, the key and the account, so a replay can answer the same link without
 * the link ever being stored: the database keeps only its SHA-256, as for any link.
 */
export function linkTokenFor(viewer: Viewer, idempotency: Idempotency | undefined) {
  const random = randomBytes(32).toString('base64url');
  return (userId: string): string => {
    if (!idempotency) return random;
    // The secret next-auth signs sessions with (lib/auth reads it the same way).
    const secret = process.env.NEXTAUTH_SECRET;
    if (!secret) throw new Error('NEXTAUTH_SECRET is not set.');
    return createHmac('sha256', secret)
      .update(`set-password:${viewer.userId}:${idempotency.key}:${userId}`)
      .digest('base64url');
  };
}

/** Every set-password link of the account that still works stops working at `now`. */
export async function expireSetPasswordLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.passwordSetToken.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

/** Stores a new link of the account (its token's hash), working for 72 hours from `now`. */
export async function storeSetPasswordLink(
  tx: Tx,
  userId: string,
  token: string,
  now = new Date(),
): Promise<Date> {
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordSetToken.create({ data: { userId, tokenHash: tokenHashOf(token), expiresAt } });
  return expiresAt;
}

/**
 * Admins: a new one-time set-password link (72 hours) for an active account of their
 * organization, for a holder who forgot their password or never used their first link. Earlier
 * links stop working; using this one ends the account's other sessions. With an Idempotency-Key a
 * repeat answers the same link and issues none (the link is derived, never stored: linkTokenFor).
 * ConflictError (409) for a disabled account; NotFoundError outside the organization. Audited.
 */
export async function sendSetPasswordLink(
  viewer: Viewer,
  userId: string,
  options: { origin?: string; idempotency?: Idempotency } = {},
): Promise<SetPasswordLinkResult> {
  const access = {
    permission: 'user.manage',
    action: 'create',
    resourceType: 'passwordSetLink',
    resourceId: userId,
  } as const;
  const linkToken = linkTokenFor(viewer, options.idempotency);
  const { targetId, answer } = await withOrganizationAccess(viewer, access, async (tx, record) => {
    const target = await findAccountOf(tx, viewer, userId);
    const answer = await idempotent(tx, viewer, options.idempotency, {}, async () => {
      if (target.disabledAt) {
        throw new ConflictError('This account is disabled. Re-enable it before sending a link.');
      }
      const now = new Date();
      await expireSetPasswordLinks(tx, target.id, now);
      const expiresAt = await storeSetPasswordLink(tx, target.id, linkToken(target.id), now);
      return { user: await userSummaryOf(tx, target.id), expiresAt: expiresAt.toISOString() };
    });
    record.resourceId = target.id;
    record.patientId = target.patientId;
    record.detail = options.idempotency?.replayed
      ? 'set-password link answered again (Idempotency-Key)'
      : `set-password link issued (${SET_PASSWORD_LINK_HOURS} h), earlier links expired`;
    return { targetId: target.id, answer };
  });
  return { ...answer, setPasswordUrl: setPasswordUrl(linkToken(targetId), options.origin) };
}
