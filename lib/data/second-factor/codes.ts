import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { db, pool, type Tx } from '@/lib/db';
import { log } from '@/lib/log';
import {
  canonicalRecoveryCode,
  checkTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  unseal,
} from '@/lib/auth/second-factor';
import type { AuditResource } from '@/lib/audit-vocabulary';
import { ForbiddenError } from '@/lib/errors';

/** The audit noun of everything about second factors. */
export const RESOURCE = 'secondFactor' satisfies AuditResource;

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
export async function reserveCodeAttempt(userId: string): Promise<number | null> {
  try {
    await limiter().consume(limitKey(userId));
    return null;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
  }
}

/** A right code forgives the wrong ones before it. */
export async function forgiveCodeAttempts(userId: string): Promise<void> {
  await limiter().delete(limitKey(userId));
}

/** The refusal once the code budget is spent: a 403 that says how long to wait. */
export function tooManyCodes(minutes: number): ForbiddenError {
  return new ForbiddenError(
    `Too many wrong codes. For your security, please wait ${minutes} minutes and try again.`,
  );
}

export type CodeOutcome =
  | { ok: true; method: 'totp' | 'recovery-code' }
  | { ok: false; reason: 'wrong-code' | 'rate-limited'; minutes?: number };

/** A recovery code, used up in the same statement that finds it. */
async function spendRecoveryCode(
  userId: string,
  recovery: string,
  now: Date,
): Promise<CodeOutcome> {
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(recovery), usedAt: null },
    data: { usedAt: now },
  });
  if (used.count !== 1) return { ok: false, reason: 'wrong-code' };
  await forgiveCodeAttempts(userId);
  return { ok: true, method: 'recovery-code' };
}

/**
 * SECURITY: the one check of a second-factor code, for sign-in and for the API alike: rate-limited
 * per account, a TOTP code at most once (its time step is remembered), a recovery code once
 * (marked used in the same statement that finds it). Not audited here; callers audit.
 */
export async function checkCode(userId: string, code: string, now: Date): Promise<CodeOutcome> {
  const minutes = await reserveCodeAttempt(userId);
  if (minutes !== null) return { ok: false, reason: 'rate-limited', minutes };
  const factor = await db.secondFactor.findFirst({
    where: { userId, enabledAt: { not: null } },
    select: { secretSealed: true, lastUsedStep: true },
  });
  if (!factor) return { ok: false, reason: 'wrong-code' };
  const recovery = canonicalRecoveryCode(code);
  if (recovery) return spendRecoveryCode(userId, recovery, now);

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

/** Ten new recovery codes in place of the account's old ones; only their hashes are kept. */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
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
