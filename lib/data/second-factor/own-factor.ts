import 'server-only';
import type { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { mayUseSecondFactor } from '@/lib/auth/second-factor';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction } from '@/lib/audit-vocabulary';
import { recordAccess } from '@/lib/data/audit';
import { checkCode, CODE_LIMIT, RESOURCE, tooManyCodes } from '@/lib/data/second-factor/codes';
import { ConflictError, ForbiddenError, InvalidInputError, parseInput } from '@/lib/errors';
import { SecondFactorCodeInput, type SecondFactorStatus } from '@/lib/schemas/security';

// A clinician's or admin's own second factor: not organization data, so not behind
// withOrganizationAccess; the holder acts on their own account, and every refusal is audited here.

/** Patients have no second factor: a 403, audited. */
export async function requireEligible(viewer: Viewer, action: AuditAction): Promise<void> {
  if (mayUseSecondFactor(viewer.role)) return;
  await db.$transaction((tx) =>
    recordAccess(tx, viewer, action, RESOURCE, { outcome: 'DENIED', detail: 'role' }),
  );
  throw new ForbiddenError('A second factor is for clinicians and administrators.');
}

/** Records a refused change of one's own second factor (its transaction rolled back, if any). */
export async function auditRefusal(
  viewer: Viewer,
  action: AuditAction,
  detail: string,
  denied = false,
): Promise<void> {
  await db.$transaction((tx) =>
    recordAccess(tx, viewer, action, RESOURCE, {
      resourceId: viewer.userId,
      outcome: denied ? 'DENIED' : 'FAILED',
      detail,
    }),
  );
}

/** A code check for the API: too many wrong codes is a 403, a wrong code a 400 on `code`. */
export async function requireCode(
  viewer: Viewer,
  action: AuditAction,
  code: string,
): Promise<void> {
  const outcome = await checkCode(viewer.userId, code, new Date());
  if (outcome.ok) return;
  if (outcome.reason === 'rate-limited') {
    await auditRefusal(viewer, action, 'rate-limited', true);
    throw tooManyCodes(outcome.minutes ?? CODE_LIMIT.duration / 60);
  }
  await auditRefusal(viewer, action, 'wrong-code');
  throw InvalidInputError.field(
    'code',
    'That code is not right, or it was already used. Try the next code.',
  );
}

async function requiresSecondFactor(tx: Tx, viewer: Viewer): Promise<boolean> {
  const org = await tx.organization.findUnique({
    where: { id: viewer.organizationId },
    select: { requireSecondFactor: true },
  });
  return org?.requireSecondFactor === true && mayUseSecondFactor(viewer.role);
}

/** When the viewer's second factor was turned on (null: off or only pending). */
export async function enabledAtOf(tx: Tx, viewer: Viewer): Promise<Date | null> {
  const factor = await tx.secondFactor.findUnique({
    where: { userId: viewer.userId },
    select: { enabledAt: true },
  });
  return factor?.enabledAt ?? null;
}

/** Clinicians and admins: whether they have a second factor, and what their organization requires. Audited. */
export async function getSecondFactorStatus(viewer: Viewer): Promise<SecondFactorStatus> {
  await requireEligible(viewer, 'read');
  return db.$transaction(async (tx) => {
    await recordAccess(tx, viewer, 'read', RESOURCE, { resourceId: viewer.userId });
    const factor = await tx.secondFactor.findUnique({
      where: { userId: viewer.userId },
      select: { enabledAt: true },
    });
    const recoveryCodesLeft = factor?.enabledAt
      ? await tx.recoveryCode.count({ where: { userId: viewer.userId, usedAt: null } })
      : 0;
    return {
      enabled: Boolean(factor?.enabledAt),
      enabledAt: factor?.enabledAt?.toISOString() ?? null,
      pending: Boolean(factor && !factor.enabledAt),
      recoveryCodesLeft,
      required: await requiresSecondFactor(tx, viewer),
    };
  });
}

/**
 * Clinicians and admins: turn their own second factor off, after a code. ConflictError when their
 * organization requires one (an admin resets it instead, and the person enrols again).
 */
export async function disableOwnSecondFactor(
  viewer: Viewer,
  input: z.input<typeof SecondFactorCodeInput>,
): Promise<SecondFactorStatus> {
  const { code } = parseInput(SecondFactorCodeInput, input);
  await requireEligible(viewer, 'delete');
  const refuse = async (message: string, detail: string) => {
    await auditRefusal(viewer, 'delete', detail);
    throw new ConflictError(message);
  };
  const [enabledAt, required] = await db.$transaction(async (tx) => [
    await enabledAtOf(tx, viewer),
    await requiresSecondFactor(tx, viewer),
  ]);
  if (!enabledAt) await refuse('There is no second factor to turn off.', 'not-enabled');
  if (required) {
    await refuse(
      'Your organization requires a second factor, so it cannot be turned off. Ask an administrator to reset it if you lost your device.',
      'required-by-organization',
    );
  }
  await requireCode(viewer, 'delete', code);
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await tx.secondFactor.deleteMany({ where: { userId: viewer.userId } });
    await recordAccess(tx, viewer, 'delete', RESOURCE, {
      resourceId: viewer.userId,
      detail: 'second factor turned off by its holder',
    });
  });
  return getSecondFactorStatus(viewer);
}
