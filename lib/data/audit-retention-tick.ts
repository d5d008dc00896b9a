// The job runner's tick for the audit trail's partitions (lib/jobs/ticks.ts): the app's client
// and the configured retention. Apart from lib/data/audit-retention.ts, which tests and scripts
// call with a client of their own.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { maintainAuditPartitions } from '@/lib/data/audit-retention';

/** Creates the coming months' partitions, drops the expired; the number of months dropped. */
export function runAuditRetention(now: Date): Promise<number> {
  return maintainAuditPartitions(db, now, env.AUDIT_RETENTION_MONTHS);
}
