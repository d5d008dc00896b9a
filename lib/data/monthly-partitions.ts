// Tables partitioned by month (docs/operations/retention.md): the audit trail by "occurredAt"
// (lib/data/audit-retention.ts), check-ins by "localDate" (lib/data/check-in-retention.ts). One
// routine for both: the coming months' partitions created ahead, and the months older than a
// retention dropped, each in one transaction that leaves an audit event as evidence. What differs
// per table (its SQL function creating a month, what must happen before a month goes) is the
// table's MonthlyTable. Writes its evidence with lib/data/audit.ts (server-only: a script runs it
// with --conditions=react-server, as the worker does).
import { Prisma } from '@/prisma/generated/client';
import type { PrismaClient } from '@/prisma/generated/client';
import type { AuditResource } from '@/lib/audit-vocabulary';
import { writeAuditEvents } from '@/lib/data/audit';

/** Months of partitions kept ready after the current one. */
export const MONTHS_AHEAD = 3;

/** The first instant of the UTC month `offset` months from the one holding `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** A month's partition about to be dropped: its name and its range [from, to). */
export type Month = { partition: string; from: Date; to: Date };

export type MonthlyTable = {
  /** The partitioned table; its months are `${parent}_YYYY_MM`. */
  parent: 'AuditEvent' | 'CheckIn';
  /** The resourceType of the drop's audit event. */
  resourceType: AuditResource;
  /** Creates the month holding `month` (a no-op when it exists), with the table's SQL function. */
  createMonth: (client: PrismaClient, month: Date) => Promise<unknown>;
  /**
   * In the drop's transaction, before the month is detached: what must be done first (the rows
   * referring to it); the month's row count and the evidence's detail, or null to refuse the
   * month for now.
   */
  beforeDrop: (
    tx: Prisma.TransactionClient,
    month: Month,
  ) => Promise<{ rows: number; detail: string } | null>;
};

/** Creates the partitions of the current month and the MONTHS_AHEAD after it (if missing). */
export async function ensureMonthlyPartitions(
  client: PrismaClient,
  table: MonthlyTable,
  now: Date,
): Promise<void> {
  for (let i = 0; i <= MONTHS_AHEAD; i += 1) await table.createMonth(client, monthStart(now, i));
}

/** The monthly partitions whose whole month ended more than `retentionMonths` before `now`. */
async function expiredMonths(
  client: PrismaClient,
  table: MonthlyTable,
  now: Date,
  retentionMonths: number,
): Promise<Month[]> {
  const rows = await client.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = ${`"${table.parent}"`}::regclass`;
  const pattern = new RegExp(`^${table.parent}_(\\d{4})_(\\d{2})$`);
  const cutoff = monthStart(now, -retentionMonths);
  return rows
    .flatMap(({ name }) => {
      const m = pattern.exec(name);
      if (!m) return [];
      const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
      return [{ partition: name, from, to: monthStart(from, 1) }];
    })
    .filter((month) => month.to.getTime() <= cutoff.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

export type Dropped = { partition: string; rows: number };

/**
 * Drops one month's partition in one transaction: the table's own work first (refused: null),
 * the audit event recording the drop, then DETACH, which fails while a row elsewhere still refers
 * to the month (dropping a partition fires no ON DELETE action), and DROP.
 */
async function dropMonth(
  client: PrismaClient,
  table: MonthlyTable,
  month: Month,
): Promise<Dropped | null> {
  const partition = Prisma.raw(`"${month.partition}"`); // the name matched `${parent}_YYYY_MM`
  const parent = Prisma.raw(`"${table.parent}"`);
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      const before = await table.beforeDrop(tx, month);
      if (before === null) return null;
      await writeAuditEvents(tx, [
        {
          organizationId: null,
          action: 'delete',
          resourceType: table.resourceType,
          resourceId: month.partition,
          outcome: 'ALLOWED',
          detail: before.detail,
        },
      ]);
      await tx.$executeRaw`ALTER TABLE ${parent} DETACH PARTITION ${partition}`;
      await tx.$executeRaw`DROP TABLE ${partition}`;
      return { partition: month.partition, rows: before.rows };
    },
    { timeout: 600_000 },
  );
}

/** Drops every expired month, oldest first; stops at one the table refuses for now. */
export async function dropExpiredMonths(
  client: PrismaClient,
  table: MonthlyTable,
  now: Date,
  retentionMonths: number,
): Promise<Dropped[]> {
  // Never ahead of the database's own clock: a test's moved clock, or a server's wrong one, must
  // not drop a month early.
  const [db] = await client.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  const at = db!.now < now ? db!.now : now;
  const dropped: Dropped[] = [];
  for (const month of await expiredMonths(client, table, at, retentionMonths)) {
    const result = await dropMonth(client, table, month);
    if (!result) break;
    dropped.push(result);
  }
  return dropped;
}

/**
 * The tick of one table: partitions ahead, and with a retention (none: nothing is ever dropped)
 * the expired months dropped; the number of months dropped.
 */
export async function maintainMonthlyPartitions(
  client: PrismaClient,
  table: MonthlyTable,
  now: Date,
  retentionMonths: number | undefined,
): Promise<number> {
  await ensureMonthlyPartitions(client, table, now);
  if (retentionMonths === undefined) return 0;
  return (await dropExpiredMonths(client, table, now, retentionMonths)).length;
}
