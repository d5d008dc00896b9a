import 'server-only';
// Starts the job runner from the configuration (docs/decisions/023-jobs-and-email.md): in the app
// server (instrumentation.ts) unless TRIAD_JOBS=off, or in `npm run worker` (scripts/worker.ts).
import { env } from '@/lib/env';
import { startJobs, type Jobs } from '@/lib/jobs';
import { log } from '@/lib/log';
import { smtpTransport } from '@/lib/mail/transport';

const globalForJobs = globalThis as unknown as { triadJobs?: Promise<Jobs> };

/** Starts the jobs once per process; `where` names the process in the log. */
export function startJobsFromEnv(where: 'app' | 'worker'): Promise<Jobs> {
  globalForJobs.triadJobs ??= (async () => {
    const embedded = env.TRIAD_EMBEDDED_DATABASE === '1';
    const jobs = await startJobs({
      databaseUrl: env.DATABASE_URL,
      sharedConnection: embedded,
      transport: smtpTransport(env.SMTP_URL),
      from: env.MAIL_FROM,
    });
    log.info(`background jobs running in the ${where} process`, {
      mail: env.SMTP_URL ? 'sent over SMTP' : 'kept in the outbox (SMTP_URL unset)',
      database: embedded ? 'embedded (sharing the app connection)' : 'PostgreSQL',
    });
    if (where === 'app') {
      // Best effort: a job cut short is retried once its expiry passes (its state is in the database).
      const stop = () => void jobs.stop().catch(() => undefined);
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    }
    return jobs;
  })();
  return globalForJobs.triadJobs;
}
