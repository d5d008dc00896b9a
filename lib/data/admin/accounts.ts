import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { can } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import type { Idempotency } from '@/lib/idempotency';
import { normalizeEmail } from '@/lib/data/accounts';
import {
  expireSetPasswordLinks,
  linkTokenFor,
  setPasswordUrl,
  storeSetPasswordLink,
} from '@/lib/data/admin/set-password-links';
import { findAccountOf, userSummaryOf } from '@/lib/data/admin/users';
import { idempotent } from '@/lib/data/idempotency';
import { withOrganizationAccess, type OrganizationAccess } from '@/lib/data/organization-access';
import { ConflictError, parseInput } from '@/lib/errors';
import { CreateAccountInput, UpdateAccountInput, type UserSummary } from '@/lib/schemas/admin';

const emailTaken = () => new ConflictError('An account with this email already exists.', 'email');

/** Two admins giving one email at once: the unique index decides, and it is the same 409. */
async function uniqueEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'P2002') throw emailTaken();
    throw error;
  }
}

const updateOf = (userId: string): OrganizationAccess => ({
  permission: 'user.manage',
  action: 'update',
  resourceType: 'user',
  resourceId: userId,
});

type NewAccount = z.output<typeof CreateAccountInput> & {
  email: string;
  passwordHash: string | null;
  linkToken: ((userId: string) => string) | null;
};

/** Inserts the account (and a patient's record, and its first link) in the caller's transaction. */
async function insertAccount(tx: Tx, viewer: Viewer, data: NewAccount): Promise<UserSummary> {
  const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (taken) throw emailTaken();
  const created = await tx.user.create({
    data: {
      organizationId: viewer.organizationId,
      role: data.role,
      name: data.name,
      email: data.email,
      passwordHash: data.passwordHash,
    },
    select: { id: true },
  });
  if (data.role === 'PATIENT' && data.dateOfBirth) {
    await tx.patient.create({
      data: {
        organizationId: viewer.organizationId,
        userId: created.id,
        dateOfBirth: new Date(`${data.dateOfBirth}T00:00:00Z`),
        pronouns: data.pronouns ?? null,
      },
    });
  }
  if (data.linkToken) await storeSetPasswordLink(tx, created.id, data.linkToken(created.id));
  return userSummaryOf(tx, created.id);
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
  // Only someone who may create accounts pays for argon2id, outside the transaction.
  const passwordHash =
    data.initialPassword && can(viewer, 'user.manage')
      ? await hashPassword(data.initialPassword)
      : null;
  const linkToken = data.initialPassword ? null : linkTokenFor(viewer, options.idempotency);
  const account = { ...data, email: normalizeEmail(data.email), passwordHash, linkToken };
  const access = { permission: 'user.manage', action: 'create', resourceType: 'user' } as const;
  const { user } = await withOrganizationAccess(viewer, access, async (tx, record) => {
    // The stored answer of an Idempotency-Key holds the account, never the link (linkTokenFor).
    const answer = await uniqueEmail(() =>
      idempotent(tx, viewer, options.idempotency, data, async () => ({
        user: await insertAccount(tx, viewer, account),
      })),
    );
    record.resourceId = answer.user.id;
    record.patientId = answer.user.patientId;
    record.detail = options.idempotency?.replayed
      ? 'account creation answered again (Idempotency-Key)'
      : `${data.role} account, ${linkToken ? 'set-password link' : 'initial password'}`;
    return answer;
  });
  return {
    user,
    setPasswordUrl: linkToken ? setPasswordUrl(linkToken(user.id), options.origin) : null,
  };
}

/**
 * Admins: disables an account of their organization, ends all its sessions (sessionVersion
 * bumped: they end at the account's next request) and expires its unused set-password links.
 * NotFoundError outside the organization; ConflictError for the admin's own account. Audited.
 */
export async function disableAccount(viewer: Viewer, userId: string): Promise<UserSummary> {
  return withOrganizationAccess(viewer, updateOf(userId), async (tx, record) => {
    const target = await findAccountOf(tx, viewer, userId);
    if (target.id === viewer.userId)
      throw new ConflictError('You cannot disable your own account.');
    const now = new Date();
    await tx.user.update({
      where: { id: target.id },
      data: { disabledAt: target.disabledAt ?? now, sessionVersion: { increment: 1 } },
    });
    // A link handed out before must not work again if the account is re-enabled later.
    await expireSetPasswordLinks(tx, target.id, now);
    record.patientId = target.patientId;
    record.detail = 'account disabled, sessions ended';
    return userSummaryOf(tx, target.id);
  });
}

/**
 * Admins: re-enables a disabled account of their organization, so its holder may sign in again
 * with their password (or a new set-password link). Enabling an active account changes nothing.
 * NotFoundError outside the organization. Audited.
 */
export async function enableAccount(viewer: Viewer, userId: string): Promise<UserSummary> {
  return withOrganizationAccess(viewer, updateOf(userId), async (tx, record) => {
    const target = await findAccountOf(tx, viewer, userId);
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: null } });
    record.patientId = target.patientId;
    record.detail = target.disabledAt ? 'account re-enabled' : 'account already active';
    return userSummaryOf(tx, target.id);
  });
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
  const email = data.email === undefined ? undefined : normalizeEmail(data.email);
  return withOrganizationAccess(viewer, updateOf(userId), async (tx, record) => {
    const target = await findAccountOf(tx, viewer, userId);
    if (email !== undefined) {
      const holder = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (holder && holder.id !== target.id) throw emailTaken();
    }
    const before = await tx.user.findFirstOrThrow({
      where: { id: target.id },
      select: { name: true, email: true },
    });
    await uniqueEmail(() =>
      tx.user.update({ where: { id: target.id }, data: { name: data.name, email } }),
    );
    const changed = [
      data.name !== undefined && data.name !== before.name ? 'name' : null,
      email !== undefined && email !== before.email ? 'email' : null,
    ].filter(Boolean);
    record.patientId = target.patientId;
    record.detail = changed.length > 0 ? `${changed.join(' and ')} changed` : 'nothing changed';
    return userSummaryOf(tx, target.id);
  });
}
