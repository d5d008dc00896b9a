import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { pool } from '@/lib/db';

/** SECURITY: at most 5 failed sign-ins per account (email) in 15 minutes. */
export const ACCOUNT_LIMIT = { points: 5, duration: 15 * 60 } as const;
/** SECURITY: at most 20 failed sign-ins per client IP in 15 minutes. */
export const IP_LIMIT = { points: 20, duration: 15 * 60 } as const;

const ACCOUNT_PREFIX = 'sign-in:account';
const IP_PREFIX = 'sign-in:ip';

type Limiters = { account: RateLimiterPostgres; ip: RateLimiterPostgres };

const globalForLimits = globalThis as unknown as { triadSignInLimiters?: Limiters };

// State lives only in Postgres (the rate_limits table of the Prisma schema), so every app server
// counts the same failures. The table exists already: the library must never run DDL.
function limiters(): Limiters {
  if (globalForLimits.triadSignInLimiters) return globalForLimits.triadSignInLimiters;
  // The app's one pool (lib/db.ts): the embedded database needs every query on one connection.
  // The library names its prepared statements; unnamed ones survive servers where connections
  // share one backend session (the embedded PGlite server, PgBouncer in transaction mode).
  const storeClient = {
    query: (q: { text: string; values?: unknown[] }) => pool.query(q.text, q.values),
  };
  const options = { storeClient, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
  const created: Limiters = {
    account: new RateLimiterPostgres({ ...options, keyPrefix: ACCOUNT_PREFIX, ...ACCOUNT_LIMIT }),
    ip: new RateLimiterPostgres({ ...options, keyPrefix: IP_PREFIX, ...IP_LIMIT }),
  };
  globalForLimits.triadSignInLimiters = created;
  return created;
}

// Hashed so keys fit varchar(255) whatever was typed, and no email sits in plain text here.
function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function keysFor(email: string, ip: string | undefined) {
  return { account: digest(email.trim().toLowerCase()), ip: digest(ip || 'unknown') };
}

/** The rate_limits rows that count failures for this email and IP (for tests and operators). */
export function rateLimitRowKeys(email: string, ip: string | undefined) {
  const keys = keysFor(email, ip);
  return { account: `${ACCOUNT_PREFIX}:${keys.account}`, ip: `${IP_PREFIX}:${keys.ip}` };
}

// The library refuses by rejecting with a RateLimiterRes. Checked by shape: a bundler may load
// the class twice, and then `instanceof` misses.
function isRefusal(reason: unknown): reason is RateLimiterRes {
  if (reason instanceof RateLimiterRes) return true;
  return (
    typeof reason === 'object' &&
    reason !== null &&
    !(reason instanceof Error) &&
    typeof (reason as RateLimiterRes).msBeforeNext === 'number' &&
    typeof (reason as RateLimiterRes).consumedPoints === 'number'
  );
}

/** Whether a sign-in attempt may go ahead, and if not which budget is spent and for how long. */
export type AttemptPermit =
  { allowed: true } | { allowed: false; scope: 'account' | 'ip'; retryAfterSeconds: number };

/**
 * Takes one point from the account's and the IP's budgets before a password is checked; refuses
 * when either is spent. Counting first (one atomic upsert each) means parallel guesses cannot
 * slip past the limit. Call `settleSuccessfulSignIn` after a verified password.
 */
export async function reserveSignInAttempt(
  email: string,
  ip: string | undefined,
): Promise<AttemptPermit> {
  const { account, ip: ipLimiter } = limiters();
  const keys = keysFor(email, ip);
  const [byAccount, byIp] = await Promise.allSettled([
    account.consume(keys.account),
    ipLimiter.consume(keys.ip),
  ]);
  for (const result of [byAccount, byIp]) {
    // A store failure (not a refusal) fails closed: no sign-in without a working limiter.
    if (result.status === 'rejected' && !isRefusal(result.reason)) throw result.reason;
  }
  const refusal = (result: PromiseSettledResult<RateLimiterRes>) =>
    result.status === 'rejected' ? (result.reason as RateLimiterRes) : null;
  const accountRefusal = refusal(byAccount);
  const ipRefusal = refusal(byIp);
  const refused = accountRefusal ?? ipRefusal;
  if (!refused) return { allowed: true };
  return {
    allowed: false,
    scope: accountRefusal ? 'account' : 'ip',
    retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)),
  };
}

/**
 * After a verified password: the account's failures are forgiven and the IP gets back the point
 * this attempt took (successes are not failures).
 */
export async function settleSuccessfulSignIn(email: string, ip: string | undefined): Promise<void> {
  const { account, ip: ipLimiter } = limiters();
  const keys = keysFor(email, ip);
  await Promise.all([account.delete(keys.account), ipLimiter.reward(keys.ip)]);
}
