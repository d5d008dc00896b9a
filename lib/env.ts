import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().min(1),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

/** The server's configuration, read once. DATABASE_URL is always set by the start scripts. */
export const env = Env.parse(process.env);
