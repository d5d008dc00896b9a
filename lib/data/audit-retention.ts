// Retention of the audit trail (docs/operations/retention.md). "AuditEvent" is partitioned by
// month of occurredAt; a tick creates the coming months' partitions and drops the months older
// than the retention (AUDIT_RETENTION_MONTHS, six years by default), with the routine shared with
// check-ins (lib/data/monthly-partitions.ts). Verification expects events missing only from seals
// made before the retention's cutoff (lib/audit-verify.ts).
import type { PrismaClient } from '@/prisma/generated/client';
import { Prisma } from '@/prisma/generated/client';
import {
  dropExpiredMonths,
  ensureMonthlyPartitions,
  maintainMonthlyPartitions,
  type MonthlyTable,
} from '@/lib/data/monthly-partitions';

export { MONTHS_AHEAD, monthStart } from '@/lib/data/monthly-partitions';
/** Six years: HIPAA's retention of required documentation (45 CFR 164.316(b)(2)(i)). */
export const DEFAULT_AUDIT_RETENTION_MONTHS = 72;

/**
 * A month goes with the sealer's lock held, and is refused while it holds an event not sealed yet
 * or chained before sealing (decision 027). Verification accepts seals made before the
 * retention's cutoff with events missing (lib/audit-verify.ts); every later seal stays whole.
 */
export const AUDIT_EVENTS: MonthlyTable = {
  parent: 'AuditEvent',
  resourceType: 'auditEvent',
  createMonth: (client, month) =>
    client.$queryRaw`SELECT audit_event_partition(${month}::timestamptz)`,
  beforeDrop: async (tx, month) => {
    const table = Prisma.raw(`"${month.partition}"`);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('audit-sealer', 0))`;
    const [open] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM ${table}
       WHERE txid IS NULL OR txid >= (SELECT coalesce(max("toTxid"), 0) FROM "AuditSeal")`;
    if (open!.n > 0) return null;
    const [all] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${table}`;
    return { rows: all!.n, detail: `retention: the ${all!.n} events of the month` };
  },
};

/** Creates the partitions of the current month and the MONTHS_AHEAD after it (if missing). */
export function ensureAuditPartitions(client: PrismaClient, now: Date): Promise<void> {
  return ensureMonthlyPartitions(client, AUDIT_EVENTS, now);
}

/** Drops every expired month, oldest first; stops at one it must refuse (events not sealed yet). */
export async function dropExpiredAuditPartitions(
  client: PrismaClient,
  now: Date,
  retentionMonths: number,
): Promise<{ partition: string; events: number }[]> {
  const dropped = await dropExpiredMonths(client, AUDIT_EVENTS, now, retentionMonths);
  return dropped.map(({ partition, rows }) => ({ partition, events: rows }));
}

/** The tick: partitions ahead, expired months dropped; the number of partitions dropped. */
export function maintainAuditPartitions(
  client: PrismaClient,
  now: Date,
  retentionMonths: number,
): Promise<number> {
  return maintainMonthlyPartitions(client, AUDIT_EVENTS, now, retentionMonths);
}
