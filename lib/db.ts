import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/client';
import { env } from '@/lib/env';

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { triadDb?: PrismaClient };

/** The one database client. Only lib/data (and prisma/, tests/) may import it (ESLint enforces). */
export const db = globalForDb.triadDb ?? createClient();
if (env.NODE_ENV !== 'production') globalForDb.triadDb = db;

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
