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
  // Email (docs/decisions/023-jobs-and-email.md): unset, nothing is sent and emails wait in the
  // outbox (/admin/outbox). E.g. smtp://user:pass@mail.example.org:587, smtps://… for TLS.
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  MAIL_FROM: z.string().min(3).default('Triad <triad@localhost>'),
  // 'off': this app server runs no background jobs (a separate `npm run worker` does).
  /** Months the audit trail keeps (docs/operations/retention.md); six years by default. */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).default(72),
  /**
   * Months check-ins are kept, counted by their day; unset (the default): forever. Clinical
   * records: their legal retention is the clinic's to set (docs/operations/retention.md).
   */
  CHECK_IN_RETENTION_MONTHS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).optional(),
  ),
  TRIAD_JOBS: z.enum(['on', 'off']).default('on'),
  // Set by the start scripts when the database is the embedded PGlite server.
  TRIAD_EMBEDDED_DATABASE: z.enum(['0', '1']).default('0'),
  // Operations (docs/decisions/030-health-logs-metrics.md). The bearer token of GET /api/metrics;
  // unset, the endpoint is off (404). At least 16 characters: it guards an unauthenticated port.
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
  // How long a server stopping on SIGTERM lets the requests in flight finish before it exits.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

/** The server's configuration, read once. DATABASE_URL is always set by the start scripts. */
export const env = Env.parse(process.env);
