import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { pool } from '@/lib/db';

// SECURITY: sign-in abuse (docs/decisions/012-sign-in-abuse.md). Refusals are per client address
// only, so no number of failures from elsewhere can lock the owner out from their own address;
// across addresses an account is only slowed down.

/** SECURITY: per address, at most 5 guesses at one account in 15 minutes. */
export const ACCOUNT_ADDRESS_LIMIT = { points: 5, duration: 15 * 60 } as const;
/** SECURITY: per address, at most 100 failed sign-ins in an hour, whatever the accounts. */
export const ADDRESS_LIMIT = { points: 100, duration: 60 * 60 } as const;
/** Failures per account from every address, counted over 15 minutes for the delay; never refuses. */
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;
/** The progressive delay: free for the first failures, then doubling, capped. */
export const SIGN_IN_DELAY = { freeFailures: 3, firstMs: 250, capMs: 3000 } as const;

const ACCOUNT_ADDRESS_PREFIX = 'sign-in:account-address';
const ADDRESS_PREFIX = 'sign-in:address';
const ACCOUNT_PREFIX = 'sign-in:account';

type Limiters = {
  accountAddress: RateLimiterPostgres;
  address: RateLimiterPostgres;
  account: RateLimiterPostgres;
};

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
    accountAddress: new RateLimiterPostgres({
      ...options,
      keyPrefix: ACCOUNT_ADDRESS_PREFIX,
      ...ACCOUNT_ADDRESS_LIMIT,
    }),
    address: new RateLimiterPostgres({ ...options, keyPrefix: ADDRESS_PREFIX, ...ADDRESS_LIMIT }),
    // A budget no one reaches: this counter only measures, the delay is its answer.
    account: new RateLimiterPostgres({
      ...options,
      keyPrefix: ACCOUNT_PREFIX,
      points: 2 ** 30,
      duration: ACCOUNT_WINDOW_SECONDS,
    }),
  };
  globalForLimits.triadSignInLimiters = created;
  return created;
}

// Hashed so keys fit varchar(255) whatever was typed, and no email sits in plain text here.
function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function keysFor(email: string, ip: string | undefined) {
  const account = email.trim().toLowerCase();
  const address = ip || 'unknown';
  return {
    accountAddress: digest(`${account}\n${address}`),
    address: digest(address),
    account: digest(account),
  };
}

/** The rate_limits rows that count failures for this email and address (for tests and operators). */
export function rateLimitRowKeys(email: string, ip: string | undefined) {
  const keys = keysFor(email, ip);
  return {
    accountAddress: `${ACCOUNT_ADDRESS_PREFIX}:${keys.accountAddress}`,
    address: `${ADDRESS_PREFIX}:${keys.address}`,
    account: `${ACCOUNT_PREFIX}:${keys.account}`,
  };
}

/** How long to hold an attempt at an account that failed `recentFailures` times lately. */
export function signInDelayMs(recentFailures: number): number {
  const { freeFailures, firstMs, capMs } = SIGN_IN_DELAY;
  if (recentFailures < freeFailures) return 0;
  return Math.min(capMs, firstMs * 2 ** Math.min(recentFailures - freeFailures, 16));
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

/**
 * Whether a sign-in attempt may go ahead (and after how long a pause), or which of the address's
 * budgets is spent and for how long.
 */
export type AttemptPermit =
  | { allowed: true; delayMs: number }
  | { allowed: false; scope: 'account-address' | 'address'; retryAfterSeconds: number };

/**
 * Takes one point from the address's budgets (for this account, and overall) before a password is
 * checked, and refuses when either is spent; then counts the attempt against the account and
 * answers the delay its recent failures earn. Counting first (one atomic upsert each) means
 * parallel guesses cannot slip past a limit. Call `settleSuccessfulSignIn` after a verified
 * password.
 */
export async function reserveSignInAttempt(
  email: string,
  ip: string | undefined,
): Promise<AttemptPermit> {
  const { accountAddress, address, account } = limiters();
  const keys = keysFor(email, ip);
  const [byPair, byAddress] = await Promise.allSettled([
    accountAddress.consume(keys.accountAddress),
    address.consume(keys.address),
  ]);
  for (const result of [byPair, byAddress]) {
    // A store failure (not a refusal) fails closed: no sign-in without a working limiter.
    if (result.status === 'rejected' && !isRefusal(result.reason)) throw result.reason;
  }
  const refusal = (result: PromiseSettledResult<RateLimiterRes>) =>
    result.status === 'rejected' ? (result.reason as RateLimiterRes) : null;
  const pairRefusal = refusal(byPair);
  const refused = pairRefusal ?? refusal(byAddress);
  if (refused) {
    return {
      allowed: false,
      scope: pairRefusal ? 'account-address' : 'address',
      retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)),
    };
  }
  // A refused attempt checks no password, so only attempts that go ahead count here.
  const counted = await account.consume(keys.account);
  return { allowed: true, delayMs: signInDelayMs(counted.consumedPoints - 1) };
}

/**
 * After a verified password from `ip`: that address's guesses at this account are forgiven, and
 * the address and the account get back the point this attempt took (a success is no failure).
 * Other addresses' counters stay as they are: a success from one says nothing about another.
 */
export async function settleSuccessfulSignIn(email: string, ip: string | undefined): Promise<void> {
  const { accountAddress, address, account } = limiters();
  const keys = keysFor(email, ip);
  await Promise.all([
    accountAddress.delete(keys.accountAddress),
    address.reward(keys.address),
    account.reward(keys.account),
  ]);
}
