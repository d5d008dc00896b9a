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
 */
export const pool =
  globalForDb.triadPool ??
  new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });

/** The one database client. Only lib/data (and prisma/, tests/) may import it (ESLint enforces). */
export const db =
  globalForDb.triadDb ??
  new PrismaClient({
    adapter: new PrismaPg(pool),
    // With one connection (the embedded database) a transaction may wait for the one before it.
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
if (env.NODE_ENV !== 'production') {
  globalForDb.triadPool = pool;
  globalForDb.triadDb = db;
}

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
