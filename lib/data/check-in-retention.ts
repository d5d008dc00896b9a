// Check-ins' monthly partitions (docs/operations/retention.md, decision 037). "CheckIn" is
// partitioned by month of localDate; a tick creates the coming months' partitions and, only when
// a clinic sets CHECK_IN_RETENTION_MONTHS (unset: never), drops the months older than it, with
// the routine shared with the audit trail (lib/data/monthly-partitions.ts).
import type { PrismaClient } from '@/prisma/generated/client';
import { Prisma } from '@/prisma/generated/client';
import {
  dropExpiredMonths,
  maintainMonthlyPartitions,
  type Dropped,
  type MonthlyTable,
} from '@/lib/data/monthly-partitions';

const isoDate = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Dropping a partition fires no ON DELETE action, and DETACH refuses a month still referred to.
 * So, first, what the references' ON DELETE says: the month's side effects and measure values go
 * with it (CASCADE) and its safety flags stay, unlinked from the check-in (SET NULL).
 */
export const CHECK_INS: MonthlyTable = {
  parent: 'CheckIn',
  resourceType: 'checkIn',
  createMonth: (client, month) => client.$queryRaw`SELECT check_in_partition(${isoDate(month)}::date)`,
  beforeDrop: async (tx, month) => {
    const table = Prisma.raw(`"${month.partition}"`); // the name matched CheckIn_YYYY_MM
    const [from, to] = [isoDate(month.from), isoDate(month.to)];
    // No check-in of the month, and no new reference to one, while it goes (reads go on).
    await tx.$executeRaw`LOCK TABLE ${table} IN EXCLUSIVE MODE`;
    const [all] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${table}`;
    const sideEffects = await tx.$executeRaw`
      DELETE FROM "CheckInSideEffect" WHERE "reportedOn" >= ${from}::date AND "reportedOn" < ${to}::date`;
    const measureValues = await tx.$executeRaw`
      DELETE FROM "CheckInMeasureValue" WHERE "reportedOn" >= ${from}::date AND "reportedOn" < ${to}::date`;
    const flags = await tx.$executeRaw`
      UPDATE "SafetyFlag" SET "checkInId" = NULL, "checkInDate" = NULL
       WHERE "checkInDate" >= ${from}::date AND "checkInDate" < ${to}::date`;
    return {
      rows: all!.n,
      detail:
        `retention: the ${all!.n} check-ins of the month, ${sideEffects} side effects and ` +
        `${measureValues} measure values; ${flags} safety flags kept, unlinked`,
    };
  },
};

/** Drops every month older than the retention, oldest first. */
export function dropExpiredCheckInPartitions(
  client: PrismaClient,
  now: Date,
  retentionMonths: number,
): Promise<Dropped[]> {
  return dropExpiredMonths(client, CHECK_INS, now, retentionMonths);
}

/** The tick: partitions ahead; expired months dropped only with a retention set. */
export function maintainCheckInPartitions(
  client: PrismaClient,
  now: Date,
  retentionMonths: number | undefined,
): Promise<number> {
  return maintainMonthlyPartitions(client, CHECK_INS, now, retentionMonths);
}
