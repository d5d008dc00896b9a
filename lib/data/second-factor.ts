import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { z } from 'zod';
import { db, pool, type Tx } from '@/lib/db';
import { log } from '@/lib/log';
import type { Idempotency } from '@/lib/idempotency';
import {
  canonicalRecoveryCode,
  checkTotp,
  hashRecoveryCode,
  mayUseSecondFactor,
  newRecoveryCodes,
  newTotpSecret,
  seal,
  totpUri,
  unseal,
} from '@/lib/auth/second-factor';
import type { RequestContext, SignInError } from '@/lib/auth/session-policy';
import type { Role, Viewer } from '@/lib/auth/viewer';
import type { AuditAction, AuditResourceType } from '@/lib/audit-vocabulary';
import { countFailedSignIn } from '@/lib/data/accounts';
import { authorize, recordAccess, writeAuditEvent } from '@/lib/data/audit';
import { idempotent } from '@/lib/data/idempotency';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  parseInput,
} from '@/lib/errors';
import { Id } from '@/lib/schemas/common';
import {
  ConfirmEnrolmentInput,
  OrganizationSecurityInput,
  SecondFactorCodeInput,
  type OrganizationSecurity,
  type RecoveryCodes,
  type SecondFactorAccount,
  type SecondFactorStatus,
} from '@/lib/schemas/security';

/** SECURITY: at most 5 second-factor codes per account in 15 minutes (sign-in and API alike). */
export const CODE_LIMIT = { points: 5, duration: 15 * 60 } as const;
const CODE_PREFIX = 'second-factor:account';

const globalForLimits = globalThis as unknown as { triadSecondFactorLimiter?: RateLimiterPostgres };

// The same store as the sign-in limits (lib/data/sign-in-limits.ts): the rate_limits table, through
// the app's one pool with unnamed statements; the library never runs DDL.
function limiter(): RateLimiterPostgres {
  globalForLimits.triadSecondFactorLimiter ??= new RateLimiterPostgres({
    storeClient: {
      query: (q: { text: string; values?: unknown[] }) => pool.query(q.text, q.values),
    },
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: CODE_PREFIX,
    ...CODE_LIMIT,
  });
  return globalForLimits.triadSecondFactorLimiter;
}

function limitKey(userId: string): string {
  return createHash('sha256').update(userId).digest('hex');
}

/** The rate_limits row that counts an account's code attempts (for tests and operators). */
export function codeLimitRowKey(userId: string): string {
  return `${CODE_PREFIX}:${limitKey(userId)}`;
}

// Checked by shape as well: a bundler may load the class twice, and then `instanceof` misses.
function isRefusal(reason: unknown): reason is RateLimiterRes {
  return (
    reason instanceof RateLimiterRes ||
    (typeof reason === 'object' &&
      reason !== null &&
      !(reason instanceof Error) &&
      typeof (reason as RateLimiterRes).msBeforeNext === 'number')
  );
}

/**
 * Takes one point from the account's code budget before a code is checked (so parallel guesses
 * cannot slip past); minutes to wait when it is spent. A store failure fails closed (throws).
 */
async function reserveCodeAttempt(userId: string): Promise<number | null> {
  try {
    await limiter().consume(limitKey(userId));
    return null;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
  }
}

async function forgiveCodeAttempts(userId: string): Promise<void> {
  await limiter().delete(limitKey(userId));
}

// ---------------------------------------------------------------------------------------------
// Checking a code

type CodeOutcome =
  | { ok: true; method: 'totp' | 'recovery-code' }
  | { ok: false; reason: 'wrong-code' | 'rate-limited'; minutes?: number };

/**
 * SECURITY: the one check of a second-factor code, for sign-in and for the API alike: rate-limited
 * per account, a TOTP code at most once (its time step is remembered), a recovery code once
 * (marked used in the same statement that finds it). Not audited here; callers audit.
 */
async function checkCode(userId: string, code: string, now: Date): Promise<CodeOutcome> {
  const minutes = await reserveCodeAttempt(userId);
  if (minutes !== null) return { ok: false, reason: 'rate-limited', minutes };
  const factor = await db.secondFactor.findFirst({
    where: { userId, enabledAt: { not: null } },
    select: { secretSealed: true, lastUsedStep: true },
  });
  if (!factor) return { ok: false, reason: 'wrong-code' };

  const recovery = canonicalRecoveryCode(code);
  if (recovery) {
    const used = await db.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(recovery), usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return { ok: false, reason: 'wrong-code' };
    await forgiveCodeAttempts(userId);
    return { ok: true, method: 'recovery-code' };
  }

  const lastUsedStep = factor.lastUsedStep === null ? null : Number(factor.lastUsedStep);
  let secret: string;
  try {
    secret = unseal(factor.secretSealed);
  } catch {
    // Sealed under another NEXTAUTH_SECRET: no app code can match; recovery codes still work.
    log.error('second factor: a TOTP secret does not open with this NEXTAUTH_SECRET');
    return { ok: false, reason: 'wrong-code' };
  }
  const totp = await checkTotp(secret, code, now, lastUsedStep);
  if (!totp.valid) return { ok: false, reason: 'wrong-code' };
  // The step is claimed with a conditional update, so two requests with one code cannot both pass.
  const claimed = await db.secondFactor.updateMany({
    where: {
      userId,
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(totp.timeStep) } }],
    },
    data: { lastUsedStep: BigInt(totp.timeStep) },
  });
  if (claimed.count !== 1) return { ok: false, reason: 'wrong-code' };
  await forgiveCodeAttempts(userId);
  return { ok: true, method: 'totp' };
}

// ---------------------------------------------------------------------------------------------
// Sign-in

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
    // at their next sign-in (decision 012), whoever got past the password.
    if (!outcome.ok) await countFailedSignIn(tx, account.id);
  });
  if (outcome.ok) return null;
  if (outcome.reason === 'rate-limited') {
    return { kind: 'too-many-attempts', minutes: outcome.minutes ?? 15 };
  }
  return { kind: 'second-factor-invalid' };
}

// ---------------------------------------------------------------------------------------------
// The account holder's own second factor

const RESOURCE = 'secondFactor' satisfies AuditResourceType;

/** Patients have no second factor: a 403, audited. */
async function requireEligible(viewer: Viewer, action: AuditAction): Promise<void> {
  if (mayUseSecondFactor(viewer.role)) return;
  await db.$transaction((tx) =>
    recordAccess(tx, viewer, action, RESOURCE, { outcome: 'DENIED', detail: 'role' }),
  );
  throw new ForbiddenError('A second factor is for clinicians and administrators.');
}

async function auditRefusal(viewer: Viewer, action: AuditAction, detail: string, denied = false) {
  await db.$transaction((tx) =>
    recordAccess(tx, viewer, action, RESOURCE, {
      resourceId: viewer.userId,
      outcome: denied ? 'DENIED' : 'FAILED',
      detail,
    }),
  );
}

/** A code check for the API: too many wrong codes is a 403, a wrong code a 400 on `code`. */
async function requireCode(viewer: Viewer, action: AuditAction, code: string): Promise<void> {
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

/** Whether the viewer has a second factor, and what their organization requires. Audited. */
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
 * `idempotent` for answers that carry a secret (recovery codes): the stored copy is sealed like
 * the TOTP secrets, so the idempotency table never holds one in clear.
 */
async function idempotentSecret<T>(
  tx: Tx,
  viewer: Viewer,
  idempotency: Idempotency | undefined,
  input: unknown,
  work: () => Promise<T>,
): Promise<T> {
  const stored = await idempotent(tx, viewer, idempotency, input, async () => ({
    sealed: seal(JSON.stringify(await work())),
  }));
  return JSON.parse(unseal(stored.sealed)) as T;
}

/**
 * Starts (or starts over) enrolment: a new secret, stored sealed and pending until
 * `confirmEnrolment`. Each call replaces the pending secret, so a retry is harmless and needs no
 * Idempotency-Key: the last secret shown is the one to confirm. ConflictError when a second factor
 * is already on. Audited.
 */
export async function startEnrolment(
  viewer: Viewer,
): Promise<{ secret: string; otpauthUri: string }> {
  await requireEligible(viewer, 'create');
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.secondFactor.findUnique({
        where: { userId: viewer.userId },
        select: { enabledAt: true },
      });
      if (existing?.enabledAt) {
        throw new ConflictError(
          'A second factor is already on. Turn it off first to set up a new one.',
        );
      }
      const secret = newTotpSecret();
      const secretSealed = seal(secret);
      await tx.secondFactor.upsert({
        where: { userId: viewer.userId },
        create: { userId: viewer.userId, secretSealed },
        update: { secretSealed, enabledAt: null, lastUsedStep: null, createdAt: new Date() },
      });
      await recordAccess(tx, viewer, 'create', RESOURCE, {
        resourceId: viewer.userId,
        detail: 'enrolment started',
      });
      return { secret, otpauthUri: totpUri(secret, viewer.email) };
    });
  } catch (error) {
    if (error instanceof ConflictError) await auditRefusal(viewer, 'create', 'already-enabled');
    throw error;
  }
}

async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({
      userId,
      codeHash: hashRecoveryCode(canonicalRecoveryCode(code)!),
    })),
  });
  return codes;
}

/**
 * Whether this request repeats an Idempotency-Key already answered: its stored answer is replayed
 * (or refused with 409) without checking the code again, which its first use spent.
 * SECURITY: codes are checked outside any transaction: the code limiter uses the app's pool, which
 * on the embedded database has a single connection that a transaction would be holding.
 */
async function isRetry(viewer: Viewer, idempotency: Idempotency | undefined): Promise<boolean> {
  if (!idempotency) return false;
  const key = idempotency.key;
  const stored = await db.idempotencyKey.findFirst({
    where: { userId: viewer.userId, organizationId: viewer.organizationId, key },
    select: { id: true },
  });
  return stored !== null;
}

function tooManyCodes(minutes: number): ForbiddenError {
  return new ForbiddenError(
    `Too many wrong codes. For your security, please wait ${minutes} minutes and try again.`,
  );
}

/**
 * Confirms enrolment with a first code from the app: the second factor is on, and 10 recovery
 * codes are returned (once; only their hashes stay). Wrong codes count against the code limit.
 */
export async function confirmEnrolment(
  viewer: Viewer,
  input: z.input<typeof ConfirmEnrolmentInput>,
  idempotency?: Idempotency,
): Promise<RecoveryCodes> {
  const { code } = parseInput(ConfirmEnrolmentInput, input);
  await requireEligible(viewer, 'update');
  const now = new Date();
  let confirmed: { secretSealed: string; timeStep: number } | null = null;
  if (!(await isRetry(viewer, idempotency))) {
    const pending = await db.secondFactor.findUnique({
      where: { userId: viewer.userId },
      select: { secretSealed: true, enabledAt: true },
    });
    if (!pending || pending.enabledAt) {
      await auditRefusal(viewer, 'update', pending ? 'already-enabled' : 'not-started');
      throw new ConflictError(
        pending
          ? 'A second factor is already on.'
          : 'Start setting up a second factor first: there is no code to confirm yet.',
      );
    }
    const minutes = await reserveCodeAttempt(viewer.userId);
    if (minutes !== null) {
      await auditRefusal(viewer, 'update', 'rate-limited', true);
      throw tooManyCodes(minutes);
    }
    const totp = await checkTotp(unseal(pending.secretSealed), code, now);
    if (!totp.valid) {
      await auditRefusal(viewer, 'update', 'wrong-code');
      throw InvalidInputError.field(
        'code',
        'That code is not right. Enter the code the app shows now.',
      );
    }
    await forgiveCodeAttempts(viewer.userId);
    confirmed = { secretSealed: pending.secretSealed, timeStep: totp.timeStep };
  }
  try {
    return await db.$transaction((tx) =>
      idempotentSecret(tx, viewer, idempotency, { code }, async () => {
        // Only a first use of the key reaches here, and it checked the code above.
        if (!confirmed) throw new ConflictError('Enrolment changed meanwhile: start again.');
        const enabled = await tx.secondFactor.updateMany({
          where: { userId: viewer.userId, enabledAt: null, secretSealed: confirmed.secretSealed },
          data: { enabledAt: now, lastUsedStep: BigInt(confirmed.timeStep) },
        });
        if (enabled.count !== 1) {
          throw new ConflictError('Enrolment changed meanwhile: start again.');
        }
        const recoveryCodes = await issueRecoveryCodes(tx, viewer.userId);
        await recordAccess(tx, viewer, 'update', RESOURCE, {
          resourceId: viewer.userId,
          detail: 'second factor on, 10 recovery codes issued',
        });
        return { enabledAt: now.toISOString(), recoveryCodes };
      }),
    );
  } catch (error) {
    if (error instanceof ConflictError) await auditRefusal(viewer, 'update', 'conflict');
    throw error;
  }
}

/** New recovery codes in place of the old ones, after a code proves the holder is present. */
export async function regenerateRecoveryCodes(
  viewer: Viewer,
  input: z.input<typeof SecondFactorCodeInput>,
  idempotency?: Idempotency,
): Promise<RecoveryCodes> {
  const { code } = parseInput(SecondFactorCodeInput, input);
  await requireEligible(viewer, 'update');
  if (!(await isRetry(viewer, idempotency))) {
    const factor = await db.secondFactor.findUnique({
      where: { userId: viewer.userId },
      select: { enabledAt: true },
    });
    if (!factor?.enabledAt) {
      await auditRefusal(viewer, 'update', 'not-enabled');
      throw new ConflictError('There is no second factor to renew recovery codes for.');
    }
    await requireCode(viewer, 'update', code);
  }
  try {
    return await db.$transaction((tx) =>
      idempotentSecret(tx, viewer, idempotency, { code }, async () => {
        const factor = await tx.secondFactor.findUnique({
          where: { userId: viewer.userId },
          select: { enabledAt: true },
        });
        if (!factor?.enabledAt)
          throw new ConflictError('The second factor was turned off meanwhile.');
        const recoveryCodes = await issueRecoveryCodes(tx, viewer.userId);
        await recordAccess(tx, viewer, 'update', RESOURCE, {
          resourceId: viewer.userId,
          detail: '10 new recovery codes issued, the old ones revoked',
        });
        return { enabledAt: factor.enabledAt.toISOString(), recoveryCodes };
      }),
    );
  } catch (error) {
    if (error instanceof ConflictError) await auditRefusal(viewer, 'update', 'conflict');
    throw error;
  }
}

/**
 * Turns the viewer's own second factor off, after a code. ConflictError when their organization
 * requires one (an admin resets it instead, and the person enrols again).
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
  const [factor, required] = await db.$transaction(async (tx) => [
    await tx.secondFactor.findUnique({
      where: { userId: viewer.userId },
      select: { enabledAt: true },
    }),
    await requiresSecondFactor(tx, viewer),
  ]);
  if (!factor?.enabledAt) await refuse('There is no second factor to turn off.', 'not-enabled');
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

// ---------------------------------------------------------------------------------------------
// Administration

/**
 * Admins: removes another account's second factor and its recovery codes and ends its sessions;
 * the person enrols again (at once, when the organization requires it). Same organization only
 * (else 404); one's own second factor is turned off with a code instead (409). Audited.
 */
export async function resetSecondFactor(
  viewer: Viewer,
  userId: string,
): Promise<{ userId: string; secondFactorEnabled: false }> {
  const audit = { action: 'delete', resourceType: RESOURCE } as const;
  await authorize(viewer, 'user.manage', audit);
  const refuse = async (error: Error, detail: string) => {
    await db.$transaction((tx) =>
      recordAccess(tx, viewer, 'delete', RESOURCE, {
        resourceId: Id.safeParse(userId).success ? userId : null,
        outcome: error instanceof NotFoundError ? 'DENIED' : 'FAILED',
        detail,
      }),
    );
    throw error;
  };
  if (!Id.safeParse(userId).success) return refuse(new NotFoundError('user'), 'not-found');
  if (userId === viewer.userId) {
    return refuse(
      new ConflictError('Turn off your own second factor on your Security page, with a code.'),
      'own-account',
    );
  }
  const done = await db.$transaction(async (tx) => {
    // SECURITY: tenant isolation in the where: another organization's account is not found.
    const target = await tx.user.findFirst({
      where: { id: userId, organizationId: viewer.organizationId },
      select: { id: true, secondFactor: { select: { enabledAt: true } } },
    });
    if (!target) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: target.id } });
    await tx.secondFactor.deleteMany({ where: { userId: target.id } });
    await tx.user.update({
      where: { id: target.id },
      data: { sessionVersion: { increment: 1 } },
    });
    await recordAccess(tx, viewer, 'delete', RESOURCE, {
      resourceId: target.id,
      detail: target.secondFactor?.enabledAt
        ? 'second factor reset by an administrator, sessions ended'
        : 'reset requested, no second factor was on; sessions ended',
    });
    return true;
  });
  if (!done) return refuse(new NotFoundError('user'), 'not-found');
  return { userId, secondFactorEnabled: false };
}

/** Admins: the organization's security settings. Audited. */
export async function getOrganizationSecurity(viewer: Viewer): Promise<OrganizationSecurity> {
  await authorize(viewer, 'organization.read', { action: 'read', resourceType: 'organization' });
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: { requireSecondFactor: true },
    });
    await recordAccess(tx, viewer, 'read', 'organization', {
      resourceId: viewer.organizationId,
      detail: 'security settings',
    });
    return org;
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
  await authorize(viewer, 'user.manage', { action: 'update', resourceType: 'organization' });
  if (requireSecondFactor) {
    // The admin who turns it on would be the first one held at the enrolment page: they set up
    // their own second factor first, knowing what they ask of everyone else.
    const own = await db.secondFactor.findFirst({
      where: { userId: viewer.userId, enabledAt: { not: null } },
      select: { userId: true },
    });
    if (!own) {
      await db.$transaction((tx) =>
        recordAccess(tx, viewer, 'update', 'organization', {
          resourceId: viewer.organizationId,
          outcome: 'FAILED',
          detail: 'requiring a second factor without one of ones own',
        }),
      );
      throw new ConflictError(
        'Set up your own two-step sign-in first (on your Security page), then require it of everyone.',
        'requireSecondFactor',
      );
    }
  }
  return db.$transaction(async (tx) => {
    const org = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: { requireSecondFactor },
      select: { requireSecondFactor: true },
    });
    await recordAccess(tx, viewer, 'update', 'organization', {
      resourceId: viewer.organizationId,
      detail: `second factor ${requireSecondFactor ? 'required' : 'optional'} for clinicians and admins`,
    });
    return org;
  });
}

/** Admins: the clinicians and admins of the organization and whether each has a second factor. */
export async function listSecondFactorAccounts(viewer: Viewer): Promise<SecondFactorAccount[]> {
  await authorize(viewer, 'user.manage', { action: 'list', resourceType: RESOURCE });
  return db.$transaction(async (tx) => {
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
    await recordAccess(tx, viewer, 'list', RESOURCE, { detail: `${rows.length} accounts` });
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
