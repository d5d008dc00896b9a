import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { recordAccess } from '@/lib/data/audit';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { RESOURCE } from '@/lib/data/second-factor/codes';
import { ConflictError, NotFoundError, parseInput } from '@/lib/errors';
import { Id } from '@/lib/schemas/common';
import {
  OrganizationSecurityInput,
  type OrganizationSecurity,
  type SecondFactorAccount,
} from '@/lib/schemas/security';

/**
 * Admins: removes another account's second factor and its recovery codes and ends its sessions;
 * the person enrols again (at once, when the organization requires it). Same organization only
 * (else 404); one's own second factor is turned off with a code instead (409). Audited.
 */
export async function resetSecondFactor(
  viewer: Viewer,
  userId: string,
): Promise<{ userId: string; secondFactorEnabled: false }> {
  const access = {
    permission: 'user.manage',
    action: 'delete',
    resourceType: RESOURCE,
    resourceId: Id.safeParse(userId).success ? userId : undefined,
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    if (!Id.safeParse(userId).success) throw new NotFoundError('user');
    if (userId === viewer.userId) {
      record.detail = 'own-account';
      throw new ConflictError(
        'Turn off your own second factor on your Security page, with a code.',
      );
    }
    // SECURITY: tenant isolation in the where: another organization's account is not found.
    const target = await tx.user.findFirst({
      where: { id: userId, organizationId: viewer.organizationId },
      select: { id: true, secondFactor: { select: { enabledAt: true } } },
    });
    if (!target) throw new NotFoundError('user');
    await tx.recoveryCode.deleteMany({ where: { userId: target.id } });
    await tx.secondFactor.deleteMany({ where: { userId: target.id } });
    await tx.user.update({
      where: { id: target.id },
      data: { sessionVersion: { increment: 1 } },
    });
    record.detail = target.secondFactor?.enabledAt
      ? 'second factor reset by an administrator, sessions ended'
      : 'reset requested, no second factor was on; sessions ended';
    return { userId, secondFactorEnabled: false as const };
  });
}

/** Admins: the organization's security settings. Audited. */
export async function getOrganizationSecurity(viewer: Viewer): Promise<OrganizationSecurity> {
  const access = {
    permission: 'organization.read',
    action: 'read',
    resourceType: 'organization',
    resourceId: viewer.organizationId,
  } as const;
  return withOrganizationAccess(viewer, access, (tx, record) => {
    record.detail = 'security settings';
    return tx.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: { requireSecondFactor: true },
    });
  });
}

/**
 * Admins: turns "require a second factor for clinicians and admins" on or off; on only once the
 * admin has one (else 409). Audited.
 */
export async function updateOrganizationSecurity(
  viewer: Viewer,
  input: z.input<typeof OrganizationSecurityInput>,
): Promise<OrganizationSecurity> {
  const { requireSecondFactor } = parseInput(OrganizationSecurityInput, input);
  const access = {
    permission: 'user.manage',
    action: 'update',
    resourceType: 'organization',
    resourceId: viewer.organizationId,
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // The admin who turns it on would be the first one held at the enrolment page: they set up
    // their own second factor first, knowing what they ask of everyone else.
    const own = await tx.secondFactor.findFirst({
      where: { userId: viewer.userId, enabledAt: { not: null } },
      select: { userId: true },
    });
    if (requireSecondFactor && !own) {
      record.detail = 'requiring a second factor without one of ones own';
      throw new ConflictError(
        'Set up your own two-step sign-in first (on your Security page), then require it of everyone.',
        'requireSecondFactor',
      );
    }
    record.detail = `second factor ${requireSecondFactor ? 'required' : 'optional'} for clinicians and admins`;
    return tx.organization.update({
      where: { id: viewer.organizationId },
      data: { requireSecondFactor },
      select: { requireSecondFactor: true },
    });
  });
}

/** Admins: the clinicians and admins of the organization and whether each has a second factor. */
export async function listSecondFactorAccounts(viewer: Viewer): Promise<SecondFactorAccount[]> {
  const access = { permission: 'user.manage', action: 'list', resourceType: RESOURCE } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    const rows = await tx.user.findMany({
      where: {
        organizationId: viewer.organizationId,
        role: { in: ['PRESCRIBER', 'THERAPIST', 'ADMIN'] },
        disabledAt: null,
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        secondFactor: { select: { enabledAt: true } },
      },
    });
    record.detail = `${rows.length} accounts`;
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      enabled: Boolean(row.secondFactor?.enabledAt),
      enabledAt: row.secondFactor?.enabledAt?.toISOString() ?? null,
    }));
  });
}

/**
 * SECURITY: a signed-in clinician or admin whose organization requires a second factor and who has
 * none yet tried to use the API: the refusal (403) is audited.
 */
export async function recordEnrolmentGate(viewer: Viewer, path: string): Promise<void> {
  await db.$transaction((tx) =>
    recordAccess(tx, viewer, 'read', RESOURCE, {
      outcome: 'DENIED',
      detail: `second factor required before ${path.slice(0, 200)}`,
    }),
  );
}
