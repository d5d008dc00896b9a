import 'server-only';
// What the operations endpoints read (docs/decisions/030-health-logs-metrics.md): whether the
// database answers and carries every migration (/api/ready), and the pool, job-queue and audit
// seal readings of /api/metrics. No patient data: counts, ages and migration names only, so
// nothing here is audited.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { db, pool } from '@/lib/db';
import type { OperationalState } from '@/lib/metrics';

export type Readiness = { ready: true } | { ready: false; reason: string };

let migrationFolders: string[] | undefined;

/** The migrations this build ships (prisma/migrations' folders), read once per process. */
export function shippedMigrations(dir = path.join(process.cwd(), 'prisma/migrations')): string[] {
  migrationFolders ??= readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return migrationFolders;
}

/**
 * Ready when the database answers and has applied every shipped migration: the schema engine
 * records each in `_prisma_migrations`, finished and not rolled back (prisma/schema-engine.ts).
 */
export async function readiness(
  expected: readonly string[] = shippedMigrations(),
): Promise<Readiness> {
  let applied: Set<string>;
  try {
    await db.$queryRaw`SELECT 1`;
    const [table] = await db.$queryRaw<{ exists: boolean }[]>`
      SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`;
    if (!table?.exists) return { ready: false, reason: 'no migration has been applied' };
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((row) => row.name));
  } catch {
    return { ready: false, reason: 'the database does not answer' };
  }
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    return { ready: false, reason: `migrations not applied: ${missing.join(', ')}` };
  }
  return { ready: true };
}

/** Jobs waiting per queue and dead letters, from pg-boss's own table (none before it first ran). */
async function jobReadings(): Promise<Pick<OperationalState, 'queueDepth' | 'deadLetters'>> {
  const [schema] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('pgboss.queue') IS NOT NULL AS exists`;
  if (!schema?.exists) return { queueDepth: {}, deadLetters: 0 };
  // Every queue, empty ones at 0; pg-boss's own measure of a queue's size (getQueueSize): the
  // states before 'active'.
  const rows = await db.$queryRaw<{ queue: string; waiting: bigint; total: bigint }[]>`
    SELECT q.name AS queue,
           count(j.id) FILTER (WHERE j.state < 'active') AS waiting,
           count(j.id) AS total
      FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name
     GROUP BY q.name`;
  const queueDepth: Record<string, number> = {};
  let deadLetters = 0;
  for (const row of rows) {
    // The dead-letter queue is a record of failures, not work waiting: counted apart, whole.
    if (row.queue === 'dead-jobs') deadLetters = Number(row.total);
    else queueDepth[row.queue] = Number(row.waiting);
  }
  return { queueDepth, deadLetters };
}

/**
 * Seconds since the oldest committed audit event not yet covered by a seal was written (0 when
 * every event is sealed): the events with a txid from the last seal's `toTxid` on
 * (lib/data/audit-seals.ts). Uncommitted events are invisible here, as they are to the sealer.
 */
async function sealLagSeconds(): Promise<number> {
  const [row] = await db.$queryRaw<{ lag: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM now() - min("occurredAt"))::float8 AS lag
      FROM "AuditEvent"
     WHERE txid >= COALESCE((SELECT "toTxid" FROM "AuditSeal" ORDER BY seq DESC LIMIT 1), 0)`;
  return Math.max(0, row?.lag ?? 0);
}

/** The readings /api/metrics sets its gauges to at each scrape. */
export async function operationalState(): Promise<OperationalState> {
  // Read before this scrape's own queries take a connection.
  const connections = { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  const jobs = await jobReadings();
  return { pool: connections, ...jobs, sealLagSeconds: await sealLagSeconds() };
}
