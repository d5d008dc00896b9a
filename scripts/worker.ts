// The background jobs without an app server (docs/decisions/023-jobs-and-email.md): for several app
// servers, each started with TRIAD_JOBS=off, and one or more of these beside them (pg-boss shares
// the work between them through PostgreSQL). Needs DATABASE_URL: the embedded database serves one
// process. Stop with SIGTERM or Ctrl-C: the job at hand finishes first.
//
//   npm run worker        (tsx --conditions=react-server scripts/worker.ts)
import 'dotenv/config';

if (!process.env.DATABASE_URL) {
  console.error('triad worker: set DATABASE_URL (the embedded database runs the jobs in the app).');
  process.exit(1);
}
const { startJobsFromEnv } = await import('../lib/jobs/start');
const jobs = await startJobsFromEnv('worker');
const stop = async () => {
  await jobs.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
