import 'server-only';
import { db } from '@/lib/db';
import { mayUseSecondFactor } from '@/lib/auth/second-factor';
import type { RequestContext, SignInError } from '@/lib/auth/session-policy';
import type { Role } from '@/lib/auth/viewer';
import { countFailedSignIn } from '@/lib/data/accounts';
import { writeAuditEvent } from '@/lib/data/audit';
import { checkCode, RESOURCE } from '@/lib/data/second-factor/codes';

/** The account whose password was just verified (lib/auth/options.ts). */
export type VerifiedAccount = { id: string; organizationId: string; role: Role; email: string };

/**
 * For `authenticate`, after the password was verified: null when the sign-in may go ahead (no
 * second factor, or a right code), else the refusal to show. Audits every code it checks.
 * SECURITY: only a caller who knew the password reaches this, so "a code is needed" reveals
 * nothing to someone guessing passwords.
 */
export async function checkSignInSecondFactor(
  account: VerifiedAccount,
  fields: { code?: string },
  context: RequestContext,
  now = new Date(),
): Promise<SignInError | null> {
  if (!mayUseSecondFactor(account.role)) return null;
  const enrolled = await db.secondFactor.findFirst({
    where: { userId: account.id, enabledAt: { not: null } },
    select: { userId: true },
  });
  if (!enrolled) return null;
  const code = fields.code?.trim() ?? '';
  if (!code) return { kind: 'second-factor-required' };

  const outcome = await checkCode(account.id, code.slice(0, 40), now);
  await db.$transaction(async (tx) => {
    await writeAuditEvent(tx, {
      organizationId: account.organizationId,
      actorId: account.id,
      actorRole: account.role,
      actorEmail: account.email,
      action: 'sign-in',
      resourceType: RESOURCE,
      resourceId: account.id,
      outcome: outcome.ok ? 'ALLOWED' : outcome.reason === 'rate-limited' ? 'DENIED' : 'FAILED',
      ip: context.ip ?? null,
      userAgent: context.userAgent ?? null,
      requestId: context.requestId ?? null,
      detail: outcome.ok ? outcome.method : outcome.reason,
    });
    // A wrong or refused code is a failed sign-in like a wrong password: the owner is told of it
    // at their next sign-in (docs/decisions/012-sign-in-abuse.md), whoever got past the password.
    if (!outcome.ok) await countFailedSignIn(tx, account.id);
  });
  if (outcome.ok) return null;
  if (outcome.reason === 'rate-limited') {
    return { kind: 'too-many-attempts', minutes: outcome.minutes ?? 15 };
  }
  return { kind: 'second-factor-invalid' };
}
