// The one advisory-lock helper (re-exported by lib/data/recipes.ts). Its own module, without
// 'server-only' and without the db client, so the transaction-level writes the demo seed runs
// under plain Node (e.g. lib/data/check-ins/record-day.ts) can serialize as the API does.
import type { Tx } from '@/lib/db';

/**
 * Serializes writers of one thing (a patient's check-in day, a care team, an idempotency key)
 * until the transaction ends: a PostgreSQL transaction-level advisory lock on a 64-bit hash of the
 * parts joined with ':' (the one hashing scheme).
 */
export async function lockFor(tx: Tx, ...parts: string[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${parts.join(':')}, 0))`;
}
