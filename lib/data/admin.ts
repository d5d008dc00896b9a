import 'server-only';
import type { Idempotency } from '@/lib/idempotency';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { hashPassword } from '@/lib/auth/password';
import type { Permission } from '@/lib/auth/policy';
import type { AuditAction, AuditResourceType } from '@/lib/audit-vocabulary';
import type { RequestContext } from '@/lib/auth/session-policy';
import type { Viewer } from '@/lib/auth/viewer';
import { normalizeEmail } from '@/lib/data/accounts';
import { authorize, markAudited, recordAccess, writeAuditEvent } from '@/lib/data/audit';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { careTeamMemberSelect, toCareTeamMember } from '@/lib/data/patients';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  invalidCursor,
  parseInput,
} from '@/lib/errors';
import {
  AddCareTeamMemberInput,
  CreateAccountInput,
  SetPasswordInput,
  UpdateAccountInput,
  UserListQuery,
  type SetPasswordLinkResult,
  type UserList,
  type UserSummary,
} from '@/lib/schemas/admin';
import { Id } from '@/lib/schemas/common';
import type { CareTeamMember } from '@/lib/schemas/patients';

export type { CreateAccountResult, UserList, UserSummary } from '@/lib/schemas/admin';

/** How long a one-time set-password link works. */
export const SET_PASSWORD_LINK_HOURS = 72;

const userSelect = {
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

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/**
 * Role check, then `work`; a refused or failed administrative write is audited in a transaction of
 * its own (the one that failed rolled back): DENIED when the target is out of reach, else FAILED.
 */
async function administer<T>(
  viewer: Viewer,
  permission: Permission,
  audit: { action: AuditAction; resourceType: AuditResourceType; resourceId?: string },
  work: () => Promise<T>,
): Promise<T> {
  await authorize(viewer, permission, audit);
  try {
    return await work();
  } catch (error) {
    const notFound = error instanceof NotFoundError;
    await db.$transaction((tx) =>
      recordAccess(tx, viewer, audit.action, audit.resourceType, {
        resourceId: audit.resourceId ?? null,
        outcome: notFound ? 'DENIED' : 'FAILED',
        detail: notFound ? 'not-found' : error instanceof Error ? error.name : 'error',
      }),
    );
    throw markAudited(error);
  }
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
  await authorize(viewer, 'user.manage', { action: 'list', resourceType: 'user' });
  return db.$transaction(async (tx) => {
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
    if (cursor) {
      const after = await tx.user.findFirst({
        where: { AND: [ours, { id: cursor }] },
        select: { id: true, name: true },
      });
      if (!after) throw invalidCursor();
      filters.push({
        OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }],
      });
    }
    const rows = await tx.user.findMany({
      where: { AND: filters },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: userSelect,
    });
    const page = rows.slice(0, limit);
    await recordAccess(tx, viewer, 'list', 'user', { detail: `${page.length} accounts` });
    return {
      items: page.map(toUserSummary),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

function setPasswordUrl(token: string, origin?: string): string {
  const path = `/set-password?token=${token}`;
  // The configured public URL wins over the request's own Host, which a client controls.
  const base = env.NEXTAUTH_URL ?? origin;
  return base ? new URL(path, base).toString() : path;
}

/**
 * The token of a set-password link. With an Idempotency-Key it is derived (keyed by the server's
 * secret) from the admin, the key and the new account, so a replay can answer the same link
 * without the link ever being stored: the database keeps only its SHA-256, as for any link.
 */
function linkTokenFor(viewer: Viewer, idempotency: Idempotency | undefined) {
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

/**
 * Admins: creates a clinician or patient account in their organization (a PATIENT account gets
 * its Patient record), with an initial password or a one-time set-password link (72 hours; only
 * the token's SHA-256 is stored). ConflictError (409) when the email is taken. Audited.
 * `origin` (the request's) builds the link when NEXTAUTH_URL is not set.
 */
export async function createAccount(
  viewer: Viewer,
  input: z.input<typeof CreateAccountInput>,
  options: { origin?: string; idempotency?: Idempotency } = {},
): Promise<{ user: UserSummary; setPasswordUrl: string | null }> {
  const data = parseInput(CreateAccountInput, input);
  return administer(viewer, 'user.manage', { action: 'create', resourceType: 'user' }, async () => {
    const email = normalizeEmail(data.email);
    const passwordHash = data.initialPassword ? await hashPassword(data.initialPassword) : null;
    const linkToken = passwordHash ? null : linkTokenFor(viewer, options.idempotency);
    try {
      // The stored answer of an Idempotency-Key holds the account, never the link (see linkTokenFor).
      const { user } = await db.$transaction((tx) =>
        idempotent(tx, viewer, options.idempotency, data, async () => {
          const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
          if (taken) throw new ConflictError('An account with this email already exists.', 'email');
          const created = await tx.user.create({
            data: {
              organizationId: viewer.organizationId,
              role: data.role,
              name: data.name,
              email,
              passwordHash,
            },
            select: { id: true },
          });
          let patientId: string | null = null;
          if (data.role === 'PATIENT' && data.dateOfBirth) {
            const patient = await tx.patient.create({
              data: {
                organizationId: viewer.organizationId,
                userId: created.id,
                dateOfBirth: new Date(`${data.dateOfBirth}T00:00:00Z`),
                pronouns: data.pronouns ?? null,
              },
              select: { id: true },
            });
            patientId = patient.id;
          }
          if (linkToken) {
            await tx.passwordSetToken.create({
              data: {
                userId: created.id,
                tokenHash: sha256(linkToken(created.id)),
                expiresAt: new Date(Date.now() + SET_PASSWORD_LINK_HOURS * 3_600_000),
              },
            });
          }
          await recordAccess(tx, viewer, 'create', 'user', {
            resourceId: created.id,
            patientId,
            detail: `${data.role} account, ${linkToken ? 'set-password link' : 'initial password'}`,
          });
          const row = await tx.user.findFirstOrThrow({
            where: { id: created.id },
            select: userSelect,
          });
          return { user: toUserSummary(row) };
        }),
      );
      return {
        user,
        setPasswordUrl: linkToken ? setPasswordUrl(linkToken(user.id), options.origin) : null,
      };
    } catch (error) {
      // Two admins creating the same email at once: the unique index decides.
      if (isUniqueViolation(error)) {
        throw new ConflictError('An account with this email already exists.', 'email');
      }
      throw error;
    }
  });
}

/**
 * Admins: disables an account of their organization, ends all its sessions (sessionVersion
 * bumped: they end at the account's next request) and expires its unused set-password links. NotFoundError outside the organization;
 * ConflictError for the admin's own account. Audited.
 */
export async function disableAccount(viewer: Viewer, userId: string): Promise<UserSummary> {
  const audit = { action: 'update', resourceType: 'user', resourceId: userId } as const;
  return administer(viewer, 'user.manage', audit, async () => {
    if (!Id.safeParse(userId).success) throw new NotFoundError('user');
    if (userId === viewer.userId) {
      throw new ConflictError('You cannot disable your own account.');
    }
    return db.$transaction(async (tx) => {
      // SECURITY: tenant isolation in the where: another organization's account is not found.
      const target = await tx.user.findFirst({
        where: { id: userId, organizationId: viewer.organizationId },
        select: { id: true, disabledAt: true, patient: { select: { id: true } } },
      });
      if (!target) throw new NotFoundError('user');
      const now = new Date();
      const updated = await tx.user.update({
        where: { id: target.id },
        data: { disabledAt: target.disabledAt ?? now, sessionVersion: { increment: 1 } },
        select: userSelect,
      });
      // A link handed out before must not work again if the account is re-enabled later.
      await expireSetPasswordLinks(tx, target.id, now);
      await recordAccess(tx, viewer, 'update', 'user', {
        resourceId: target.id,
        patientId: target.patient?.id ?? null,
        detail: 'account disabled, sessions ended',
      });
      return toUserSummary(updated);
    });
  });
}

/** Every set-password link of the account that still works stops working at `now`. */
async function expireSetPasswordLinks(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
): Promise<void> {
  await tx.passwordSetToken.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

type AccountTarget = { id: string; disabledAt: Date | null; patientId: string | null };

/** SECURITY: tenant isolation in the where: another organization's account is not found. */
async function findAccountOf(
  tx: Prisma.TransactionClient,
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

/** Admins: one account of their organization. NotFoundError outside it. Audited. */
export async function getAccount(viewer: Viewer, userId: string): Promise<UserSummary> {
  const audit = { action: 'read', resourceType: 'user', resourceId: userId } as const;
  return administer(viewer, 'user.manage', audit, () =>
    db.$transaction(async (tx) => {
      const target = await findAccountOf(tx, viewer, userId);
      await recordAccess(tx, viewer, 'read', 'user', {
        resourceId: target.id,
        patientId: target.patientId,
      });
      const row = await tx.user.findFirstOrThrow({ where: { id: target.id }, select: userSelect });
      return toUserSummary(row);
    }),
  );
}

/**
 * Admins: re-enables a disabled account of their organization, so its holder may sign in again
 * with their password (or a new set-password link). Enabling an active account changes nothing.
 * NotFoundError outside the organization. Audited.
 */
export async function enableAccount(viewer: Viewer, userId: string): Promise<UserSummary> {
  const audit = { action: 'update', resourceType: 'user', resourceId: userId } as const;
  return administer(viewer, 'user.manage', audit, () =>
    db.$transaction(async (tx) => {
      const target = await findAccountOf(tx, viewer, userId);
      const updated = await tx.user.update({
        where: { id: target.id },
        data: { disabledAt: null },
        select: userSelect,
      });
      await recordAccess(tx, viewer, 'update', 'user', {
        resourceId: target.id,
        patientId: target.patientId,
        detail: target.disabledAt ? 'account re-enabled' : 'account already active',
      });
      return toUserSummary(updated);
    }),
  );
}

/**
 * Admins: changes the name and/or the email (the sign-in address) of an account of their
 * organization. ConflictError (409, on `email`) when another account has the email; NotFoundError
 * outside the organization. Audited, naming which fields changed (not their values).
 */
export async function updateAccount(
  viewer: Viewer,
  userId: string,
  input: z.input<typeof UpdateAccountInput>,
): Promise<UserSummary> {
  const data = parseInput(UpdateAccountInput, input);
  const audit = { action: 'update', resourceType: 'user', resourceId: userId } as const;
  const taken = () => new ConflictError('An account with this email already exists.', 'email');
  return administer(viewer, 'user.manage', audit, async () => {
    const email = data.email === undefined ? undefined : normalizeEmail(data.email);
    try {
      return await db.$transaction(async (tx) => {
        const target = await findAccountOf(tx, viewer, userId);
        if (email !== undefined) {
          const holder = await tx.user.findUnique({ where: { email }, select: { id: true } });
          if (holder && holder.id !== target.id) throw taken();
        }
        const before = await tx.user.findFirstOrThrow({
          where: { id: target.id },
          select: { name: true, email: true },
        });
        const updated = await tx.user.update({
          where: { id: target.id },
          data: { name: data.name, email },
          select: userSelect,
        });
        const changed = [
          data.name !== undefined && data.name !== before.name ? 'name' : null,
          email !== undefined && email !== before.email ? 'email' : null,
        ].filter(Boolean);
        await recordAccess(tx, viewer, 'update', 'user', {
          resourceId: target.id,
          patientId: target.patientId,
          detail: changed.length > 0 ? `${changed.join(' and ')} changed` : 'nothing changed',
        });
        return toUserSummary(updated);
      });
    } catch (error) {
      // Two accounts taking the same email at once: the unique index decides.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  });
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
  const audit = { action: 'create', resourceType: 'passwordSetLink', resourceId: userId } as const;
  const linkToken = linkTokenFor(viewer, options.idempotency);
  return administer(viewer, 'user.manage', audit, async () => {
    const { targetId, answer } = await db.$transaction(async (tx) => {
      const target = await findAccountOf(tx, viewer, userId);
      const answer = await idempotent(tx, viewer, options.idempotency, {}, async () => {
        if (target.disabledAt) {
          throw new ConflictError('This account is disabled. Re-enable it before sending a link.');
        }
        const now = new Date();
        await expireSetPasswordLinks(tx, target.id, now);
        const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000);
        await tx.passwordSetToken.create({
          data: { userId: target.id, tokenHash: sha256(linkToken(target.id)), expiresAt },
        });
        const row = await tx.user.findFirstOrThrow({
          where: { id: target.id },
          select: userSelect,
        });
        return { user: toUserSummary(row), expiresAt: expiresAt.toISOString() };
      });
      await recordAccess(tx, viewer, 'create', 'passwordSetLink', {
        resourceId: target.id,
        patientId: target.patientId,
        detail: options.idempotency?.replayed
          ? 'set-password link answered again (Idempotency-Key)'
          : `set-password link issued (${SET_PASSWORD_LINK_HOURS} h), earlier links expired`,
      });
      return { targetId: target.id, answer };
    });
    return { ...answer, setPasswordUrl: setPasswordUrl(linkToken(targetId), options.origin) };
  });
}

/**
 * Admins: adds an active prescriber or therapist of the organization to a patient's care team.
 * NotFoundError when the patient or clinician is outside the organization; ConflictError when the
 * clinician is disabled, not a clinician, or already an active member. Audited.
 */
export async function addCareTeamMember(
  viewer: Viewer,
  patientId: string,
  input: z.input<typeof AddCareTeamMemberInput>,
  idempotency?: Idempotency,
): Promise<CareTeamMember> {
  const { clinicianId } = parseInput(AddCareTeamMemberInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'careTeam.manage', action: 'create', resourceType: 'careTeam' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, { clinicianId }, async () => {
        // One membership change per patient at a time, so "already a member" cannot race.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'careTeam:' + patient.id}))`;
        const clinician = await tx.user.findFirst({
          where: { id: clinicianId, organizationId: patient.organizationId },
          select: { id: true, role: true, disabledAt: true },
        });
        if (!clinician) throw new NotFoundError('clinician');
        if (clinician.role !== 'PRESCRIBER' && clinician.role !== 'THERAPIST') {
          throw new ConflictError(
            'Only prescribers and therapists join care teams.',
            'clinicianId',
          );
        }
        if (clinician.disabledAt) {
          throw new ConflictError('This account is disabled.', 'clinicianId');
        }
        const active = await tx.careTeamMembership.findFirst({
          where: { patientId: patient.id, clinicianId: clinician.id, endedAt: null },
          select: { id: true },
        });
        if (active) {
          throw new ConflictError('This clinician is already on the care team.', 'clinicianId');
        }
        const membership = await tx.careTeamMembership.create({
          data: {
            organizationId: patient.organizationId,
            patientId: patient.id,
            clinicianId: clinician.id,
          },
          select: careTeamMemberSelect,
        });
        return toCareTeamMember(membership);
      }),
    (member) => member.membershipId,
  );
}

/**
 * Admins: ends a care-team membership of a patient of their organization (the clinician loses
 * access at once). NotFoundError when it is not this patient's; ConflictError when it has
 * already ended. Audited.
 */
export async function endCareTeamMembership(
  viewer: Viewer,
  patientId: string,
  membershipId: string,
): Promise<CareTeamMember> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'careTeam.manage',
      action: 'update',
      resourceType: 'careTeam',
      resourceId: membershipId,
    },
    async (tx, patient) => {
      if (!Id.safeParse(membershipId).success) throw new NotFoundError('care-team membership');
      const mine = {
        id: membershipId,
        patientId: patient.id,
        organizationId: patient.organizationId,
      };
      const ended = await tx.careTeamMembership.updateMany({
        where: { ...mine, endedAt: null },
        data: { endedAt: new Date() },
      });
      const membership = await tx.careTeamMembership.findFirst({
        where: mine,
        select: careTeamMemberSelect,
      });
      if (!membership) throw new NotFoundError('care-team membership');
      if (ended.count === 0) throw new ConflictError('This membership has already ended.');
      return toCareTeamMember(membership);
    },
  );
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
  const usable = (now: Date): Prisma.PasswordSetTokenWhereInput => ({
    tokenHash: sha256(token),
    usedAt: null,
    expiresAt: { gt: now },
    user: { disabledAt: null },
  });
  const request = {
    ip: context.ip ?? null,
    userAgent: context.userAgent ?? null,
    requestId: context.requestId ?? null,
    clientRequestId: context.clientRequestId ?? null,
  };
  // Only a usable link pays for argon2id, so this public endpoint cannot be made to burn CPU;
  // the link is then claimed in the transaction below, where a race is settled.
  const found = await db.passwordSetToken.findFirst({
    where: usable(new Date()),
    select: { id: true },
  });
  const passwordHash = found ? await hashPassword(password) : null;
  const done =
    found &&
    passwordHash &&
    (await db.$transaction(async (tx) => {
      const now = new Date();
      // SECURITY: single use: of two requests racing with one link, one claims it.
      const claimed = await tx.passwordSetToken.updateMany({
        where: { ...usable(now), id: found.id },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return false;
      const link = await tx.passwordSetToken.findFirstOrThrow({
        where: { id: found.id },
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
      const { user } = link;
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
    }));
  if (!done) {
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
}
