// Retention of the audit trail (docs/operations/retention.md). "AuditEvent" is partitioned by
// month of occurredAt; a tick creates the coming months' partitions and drops the months older
// than the retention (AUDIT_RETENTION_MONTHS, six years by default). Verification expects events
// missing only from seals made before the retention's cutoff (lib/audit-verify.ts).
// Writes its evidence with lib/data/audit.ts (server-only: a script runs it with
// --conditions=react-server, as the worker does).
import { Prisma } from '@/prisma/generated/client';
import type { PrismaClient } from '@/prisma/generated/client';
import { writeAuditEvents } from '@/lib/data/audit';

/** Months of partitions kept ready after the current one. */
export const MONTHS_AHEAD = 3;
/** Six years: HIPAA's retention of required documentation (45 CFR 164.316(b)(2)(i)). */
export const DEFAULT_AUDIT_RETENTION_MONTHS = 72;

const PARTITION_NAME = /^AuditEvent_(\d{4})_(\d{2})$/;

/** The first instant of the UTC month `offset` months from the one holding `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** Creates the partitions of the current month and the MONTHS_AHEAD after it (if missing). */
export async function ensureAuditPartitions(client: PrismaClient, now: Date): Promise<void> {
  for (let i = 0; i <= MONTHS_AHEAD; i += 1) {
    await client.$queryRaw`SELECT audit_event_partition(${monthStart(now, i)}::timestamptz)`;
  }
}

/** The monthly partitions whose whole month ended more than `retentionMonths` before `now`. */
async function expiredPartitions(client: PrismaClient, now: Date, retentionMonths: number) {
  const rows = await client.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = '"AuditEvent"'::regclass`;
  const cutoff = monthStart(now, -retentionMonths);
  return rows
    .map((r) => r.name)
    .filter((name) => {
      const m = PARTITION_NAME.exec(name);
      return m !== null && Date.UTC(Number(m[1]), Number(m[2]), 1) <= cutoff.getTime();
    })
    .sort();
}

export type Dropped = { partition: string; events: number };

/**
 * Drops one month's partition, in one transaction holding the sealer's lock: refused (null) while
 * it holds an event not sealed yet or chained before sealing (decision 027). The drop is itself
 * an audit event. Verification accepts seals made before the retention's cutoff with events
 * missing (lib/audit-verify.ts); every later seal stays whole.
 */
async function dropPartition(client: PrismaClient, name: string): Promise<Dropped | null> {
  const table = Prisma.raw(`"${name}"`); // name matched PARTITION_NAME
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('audit-sealer', 0))`;
      const [open] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM ${table}
         WHERE txid IS NULL OR txid >= (SELECT coalesce(max("toTxid"), 0) FROM "AuditSeal")`;
      if (open!.n > 0) return null;
      const [all] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${table}`;
      await writeAuditEvents(tx, [
        {
          organizationId: null,
          action: 'delete',
          resourceType: 'auditEvent',
          resourceId: name,
          outcome: 'ALLOWED',
          detail: `retention: the ${all!.n} events of the month`,
        },
      ]);
      await tx.$executeRaw`DROP TABLE ${table}`;
      return { partition: name, events: all!.n };
    },
    { timeout: 600_000 },
  );
}

/** Drops every expired month, oldest first; stops at one it must refuse (events not sealed yet). */
export async function dropExpiredAuditPartitions(
  client: PrismaClient,
  now: Date,
  retentionMonths: number,
): Promise<Dropped[]> {
  // Never ahead of the database's own clock: a test's moved clock, or a server's wrong one, must
  // not drop a month early.
  const [db] = await client.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  const at = db!.now < now ? db!.now : now;
  const dropped: Dropped[] = [];
  for (const name of await expiredPartitions(client, at, retentionMonths)) {
    const result = await dropPartition(client, name);
    if (!result) break;
    dropped.push(result);
  }
  return dropped;
}

/** The tick: partitions ahead, expired months dropped; the number of partitions dropped. */
export async function maintainAuditPartitions(
  client: PrismaClient,
  now: Date,
  retentionMonths: number,
): Promise<number> {
  await ensureAuditPartitions(client, now);
  return (await dropExpiredAuditPartitions(client, now, retentionMonths)).length;
}
