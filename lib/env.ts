import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().min(1),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Fail fast when the database hangs (docs/decisions/016-start-up-durability-timeouts.md).
  // 0 turns a timeout off.
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  DB_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().min(0).default(15000),
});

/** The server's configuration, read once. DATABASE_URL is always set by the start scripts. */
export const env = Env.parse(process.env);
