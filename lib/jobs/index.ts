// The job runner (docs/decisions/023-jobs-and-email.md): pg-boss 10 in its own `pgboss` schema, so
// every job's state is in PostgreSQL and none in the process. Two queues, each retried with
// exponential backoff and then moved to a dead-letter queue:
// - `tick`, scheduled every minute (pg-boss's cron, one send per minute however many servers
//   run it): runs every entry of TICKS (lib/jobs/ticks.ts) at the injected clock's now;
// - `send-email`, every minute and after each tick: delivers the outbox's due rows (lib/mail/sender.ts).
// Beside them, the audit sealer runs every second (lib/data/audit-sealer.ts).
// Started by the app server (instrumentation.ts) unless TRIAD_JOBS=off, or by `npm run worker`.
// pg-boss keeps its own connection pool: the documented exception to "only lib/data touches the
// database", and for its own tables only; on the embedded database it shares the app's one
// connection instead (lib/data/jobs-connection.ts).
import PgBoss from 'pg-boss';
import { systemClock, type Clock } from '@/lib/clock';
import { sharedJobsConnection } from '@/lib/data/jobs-connection';
import { startSealer } from '@/lib/data/audit-sealer';
import { TICKS, type Tick } from '@/lib/jobs/ticks';
import { log } from '@/lib/log';
import { sendDueEmails } from '@/lib/mail/sender';
import type { MailTransport } from '@/lib/mail/transport';

export const QUEUES = { tick: 'tick', sendEmail: 'send-email', dead: 'dead-jobs' } as const;

/** Retries of a failed job (2 s, 4 s, 8 s … with pg-boss's backoff), then the dead-letter queue. */
const RETRY = { retryLimit: 4, retryDelay: 2, retryBackoff: true, deadLetter: QUEUES.dead };

export type JobsOptions = {
  /** The time the jobs see. */
  clock?: Clock;
  databaseUrl: string;
  /** Share the app's one connection (the embedded database) instead of a pool of pg-boss's own. */
  sharedConnection?: boolean;
  /** Null: emails stay in the outbox (SMTP_URL unset). */
  transport: MailTransport | null;
  from: string;
  /** Only this organization's emails (tests, which share a database). */
  organizationId?: string;
  /** The periodic work (tests give their own; the ticks of TICKS act on every organization). */
  ticks?: Tick[];
  /** Seconds between polls of a queue (pg-boss's default: 2). */
  pollingIntervalSeconds?: number;
  /** Milliseconds between audit seals (lib/data/audit-sealer.ts); null: this process does not seal. */
  sealIntervalMs?: number | null;
};

export type Jobs = {
  boss: PgBoss;
  /** Asks for a delivery of the due emails now rather than at the next minute. */
  sendEmailsNow: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Runs every tick at `now`; one that fails does not keep the others from running. */
export async function runTicks(now: Date, ticks: Tick[] = TICKS): Promise<number> {
  let queued = 0;
  const failures: string[] = [];
  for (const tick of ticks) {
    try {
      queued += await tick.run(now);
    } catch (error) {
      failures.push(tick.name);
      log.error('a periodic task failed', { tick: tick.name, error });
    }
  }
  // The job fails, so pg-boss retries it: the ticks are idempotent, what succeeded queues nothing twice.
  if (failures.length > 0) throw new Error(`ticks failed: ${failures.join(', ')}`);
  return queued;
}

/** Creates the queues and schedules, and works them in this process until `stop()`. */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const clock = options.clock ?? systemClock;
  const boss = new PgBoss({
    schema: 'pgboss',
    application_name: 'triad-jobs',
    ...(options.sharedConnection
      ? { db: sharedJobsConnection }
      : { connectionString: options.databaseUrl, max: 2 }),
  });
  boss.on('error', (error) => log.error('the job runner hit an error', { error }));
  await boss.start();
  await boss.createQueue(QUEUES.dead, { name: QUEUES.dead, retentionDays: 14 });
  for (const name of [QUEUES.tick, QUEUES.sendEmail]) {
    // 'stately': at most one waiting and one running, so missed minutes do not pile up.
    await boss.createQueue(name, { name, policy: 'stately', expireInMinutes: 15, ...RETRY });
    await boss.schedule(name, '* * * * *', {}, { ...RETRY });
  }
  const poll = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const sendEmailsNow = async () => void (await boss.send(QUEUES.sendEmail, {}, RETRY));
  await boss.work(QUEUES.tick, poll, async () => {
    const queued = await runTicks(clock(), options.ticks);
    if (queued > 0) await sendEmailsNow();
  });
  await boss.work(QUEUES.sendEmail, poll, async () => {
    if (!options.transport) return; // SMTP_URL unset: the emails wait in the outbox.
    const result = await sendDueEmails({
      transport: options.transport,
      from: options.from,
      clock,
      organizationId: options.organizationId,
    });
    if (result.failed > 0) log.warn('some emails could not be sent', { ...result });
  });
  await boss.work(QUEUES.dead, poll, async (jobs) => {
    for (const job of jobs)
      log.error('a background job failed for good', { queue: job.name, id: job.id });
  });
  const stopSealing =
    options.sealIntervalMs === null ? () => undefined : startSealer(options.sealIntervalMs);
  return {
    boss,
    sendEmailsNow,
    stop: async () => {
      stopSealing();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
