// Seals the audit trail every second (docs/decisions/027-audit-seals.md), beside the job runner:
// pg-boss schedules by the minute, and a seal should follow its events within seconds. Any number
// of processes may run it: one seals at a time (a try-lock), the others find nothing to do.
import { db } from '@/lib/db';
import { sealAuditEvents } from '@/lib/data/audit-seals';
import { log } from '@/lib/log';

/** How often a process tries to seal. */
export const SEAL_INTERVAL_MS = 1_000;

/** Starts sealing every `intervalMs`; returns the function that stops it. */
export function startSealer(intervalMs = SEAL_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAuditEvents(db)
      .catch((error: unknown) => log.error('the audit sealer failed; it tries again', { error }))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
