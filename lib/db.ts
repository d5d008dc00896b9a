import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/prisma/generated/client';
import { env } from '@/lib/env';

const globalForDb = globalThis as unknown as { triadPool?: pg.Pool; triadDb?: PrismaClient };

/**
 * The process's one connection pool, shared by Prisma and the sign-in rate limiter. The embedded
 * database (PGlite's socket server) serves one transaction at a time and mixes up statements of
 * concurrent connections, so there the start scripts set DB_POOL_MAX=1.
 *
 * A database that hangs fails requests within seconds instead of holding them (the API answers
 * 503): a connection (or a free pooled one) within DB_CONNECT_TIMEOUT_MS; statements cancelled
 * by the server after DB_STATEMENT_TIMEOUT_MS, and given up by the client a second later when
 * the server does not answer at all; a transaction left idle ended by the server. Migrations and
 * the seed use their own connections, without these limits.
 */
export const pool =
  globalForDb.triadPool ??
  new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DB_POOL_MAX,
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    query_timeout: env.DB_STATEMENT_TIMEOUT_MS && env.DB_STATEMENT_TIMEOUT_MS + 1000,
    idle_in_transaction_session_timeout: env.DB_IDLE_TX_TIMEOUT_MS,
  });

/** The one database client. Only lib/data (and prisma/, tests/) may import it (ESLint enforces). */
export const db =
  globalForDb.triadDb ??
  new PrismaClient({
    adapter: new PrismaPg(pool),
    // With one connection (the embedded database) a transaction may wait for the one before it.
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
// Kept on globalThis in production too: Next bundles instrumentation.ts (the job runner) apart from
// the routes, and both must share the one pool (the embedded database takes one connection).
globalForDb.triadPool = pool;
globalForDb.triadDb = db;

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
