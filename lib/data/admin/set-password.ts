import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { db, type Tx } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import type { RequestContext } from '@/lib/auth/session-policy';
import { writeAuditEvent } from '@/lib/data/audit';
import { tokenHashOf } from '@/lib/data/admin/set-password-links';
import { InvalidInputError, parseInput } from '@/lib/errors';
import { SetPasswordInput } from '@/lib/schemas/admin';

type RequestFacts = {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  clientRequestId: string | null;
};

/** A link that still works: known, unused, unexpired, of an account that is not disabled. */
function usable(token: string, now: Date): Prisma.PasswordSetTokenWhereInput {
  return {
    tokenHash: tokenHashOf(token),
    usedAt: null,
    expiresAt: { gt: now },
    user: { disabledAt: null },
  };
}

/**
 * Claims the link and sets the password, in the caller's transaction: false when another request
 * claimed it first. Uses up every other link of the account and ends its sessions. Audited.
 */
async function claimLink(
  tx: Tx,
  token: string,
  linkId: string,
  passwordHash: string,
  request: RequestFacts,
): Promise<boolean> {
  const now = new Date();
  // SECURITY: single use: of two requests racing with one link, one claims it.
  const claimed = await tx.passwordSetToken.updateMany({
    where: { ...usable(token, now), id: linkId },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return false;
  const { user } = await tx.passwordSetToken.findFirstOrThrow({
    where: { id: linkId },
    select: {
      user: {
        select: {
          id: true,
          organizationId: true,
          role: true,
          email: true,
          patient: { select: { id: true } },
        },
      },
    },
  });
  await tx.passwordSetToken.updateMany({
    where: { userId: user.id, usedAt: null },
    data: { usedAt: now },
  });
  await tx.user.update({
    where: { id: user.id },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  await writeAuditEvent(tx, {
    organizationId: user.organizationId,
    actorId: user.id,
    actorRole: user.role,
    actorEmail: user.email,
    action: 'update',
    resourceType: 'user',
    resourceId: user.id,
    patientId: user.patient?.id ?? null,
    outcome: 'ALLOWED',
    detail: 'password set with a one-time link',
    ...request,
  });
  return true;
}

/**
 * Anyone holding a one-time link (no session): sets the account's password, uses up every
 * outstanding link of the account and ends its sessions. A token that is unknown, expired, used
 * or of a disabled account is a 400 on `token` (InvalidInputError), recorded as a failed attempt.
 */
export async function setPasswordWithToken(
  input: z.input<typeof SetPasswordInput>,
  context: RequestContext = {},
): Promise<void> {
  const { token, password } = parseInput(SetPasswordInput, input);
  const request: RequestFacts = {
    ip: context.ip ?? null,
    userAgent: context.userAgent ?? null,
    requestId: context.requestId ?? null,
    clientRequestId: context.clientRequestId ?? null,
  };
  // Only a usable link pays for argon2id, so this public endpoint cannot be made to burn CPU;
  // the link is then claimed in the transaction below, where a race is settled.
  const found = await db.passwordSetToken.findFirst({
    where: usable(token, new Date()),
    select: { id: true },
  });
  const passwordHash = found ? await hashPassword(password) : null;
  const done =
    found !== null &&
    passwordHash !== null &&
    (await db.$transaction((tx) => claimLink(tx, token, found.id, passwordHash, request)));
  if (done) return;
  await db.$transaction((tx) =>
    writeAuditEvent(tx, {
      organizationId: null,
      action: 'update',
      resourceType: 'user',
      outcome: 'FAILED',
      detail: 'set-password link unknown, expired, used or of a disabled account',
      ...request,
    }),
  );
  throw InvalidInputError.field(
    'token',
    'This link is not valid or has expired. Ask for a new one.',
  );
}
