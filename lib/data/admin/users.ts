import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { afterKey, keysetPage } from '@/lib/data/recipes';
import { NotFoundError, parseInput } from '@/lib/errors';
import { UserListQuery, type UserList, type UserSummary } from '@/lib/schemas/admin';
import { Id } from '@/lib/schemas/common';

/** The select that yields a UserSummary (see toUserSummary). */
export const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabledAt: true,
  createdAt: true,
  patient: { select: { id: true } },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    isActive: row.disabledAt === null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    patientId: row.patient?.id ?? null,
  };
}

/** An account of the viewer's organization as administration shows it (lib/data/admin only). */
export async function userSummaryOf(tx: Tx, userId: string): Promise<UserSummary> {
  return toUserSummary(
    await tx.user.findFirstOrThrow({ where: { id: userId }, select: userSelect }),
  );
}

export type AccountTarget = { id: string; disabledAt: Date | null; patientId: string | null };

/**
 * SECURITY: tenant isolation in the where: another organization's account (or a malformed id) is
 * NotFoundError, exactly as one that does not exist. For lib/data/admin only.
 */
export async function findAccountOf(
  tx: Tx,
  viewer: Viewer,
  userId: string,
): Promise<AccountTarget> {
  if (!Id.safeParse(userId).success) throw new NotFoundError('user');
  const target = await tx.user.findFirst({
    where: { id: userId, organizationId: viewer.organizationId },
    select: { id: true, disabledAt: true, patient: { select: { id: true } } },
  });
  if (!target) throw new NotFoundError('user');
  return { id: target.id, disabledAt: target.disabledAt, patientId: target.patient?.id ?? null };
}

/**
 * Admins: the accounts of their organization by name then id, filtered by role and by a search
 * of name or email, a page at a time. No password hashes, no clinical content. Audited.
 */
export async function listUsers(
  viewer: Viewer,
  query: z.input<typeof UserListQuery> = {},
): Promise<UserList> {
  const { role, q, cursor, limit } = parseInput(UserListQuery, query);
  const access = { permission: 'user.manage', action: 'list', resourceType: 'user' } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: tenant isolation: the admin's own organization only, the cursor included.
    const ours: Prisma.UserWhereInput = { organizationId: viewer.organizationId };
    const filters: Prisma.UserWhereInput[] = [ours];
    if (role) filters.push({ role });
    if (q) {
      filters.push({
        OR: [
          { name: { contains: q, mode: 'insensitive' } },
          { email: { contains: q.toLowerCase() } },
        ],
      });
    }
    const page = await keysetPage({
      cursor,
      limit,
      findKey: async (id) => {
        const at = await tx.user.findFirst({
          where: { AND: [ours, { id }] },
          select: { id: true, name: true },
        });
        return at && { value: at.name, id: at.id };
      },
      fetch: (after, take) =>
        tx.user.findMany({
          where: { AND: [...filters, ...(after ? [afterKey('name', after, 'asc')] : [])] },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          take,
          select: userSelect,
        }),
      cursorOf: (row) => row.id,
      toItem: toUserSummary,
    });
    record.detail = `${page.items.length} accounts`;
    return page;
  });
}

/** Admins: one account of their organization. NotFoundError outside it. Audited. */
export async function getAccount(viewer: Viewer, userId: string): Promise<UserSummary> {
  const access = {
    permission: 'user.manage',
    action: 'read',
    resourceType: 'user',
    resourceId: userId,
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    const target = await findAccountOf(tx, viewer, userId);
    record.patientId = target.patientId;
    return userSummaryOf(tx, target.id);
  });
}
