// The job runner's ticks for the monthly partitions (lib/jobs/ticks.ts): the app's client and the
// configured retentions. Apart from lib/data/audit-retention.ts and check-in-retention.ts, which
// tests and scripts call with a client of their own.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { maintainAuditPartitions } from '@/lib/data/audit-retention';
import { maintainCheckInPartitions } from '@/lib/data/check-in-retention';

/** Creates the coming months' partitions, drops the expired; the number of months dropped. */
export function runAuditRetention(now: Date): Promise<number> {
  return maintainAuditPartitions(db, now, env.AUDIT_RETENTION_MONTHS);
}

/** Creates the coming months' partitions; drops expired months only with a retention set. */
export function runCheckInRetention(now: Date): Promise<number> {
  return maintainCheckInPartitions(db, now, env.CHECK_IN_RETENTION_MONTHS);
}
