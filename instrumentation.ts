// Next calls register() once when a server process starts: the app server runs the background
// jobs (docs/decisions/023-jobs-and-email.md) unless TRIAD_JOBS=off, when `npm run worker` does.
// Not during `next build`, and not in the edge runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.TRIAD_JOBS === 'off') return;
  const { startJobsFromEnv } = await import('@/lib/jobs/start');
  await startJobsFromEnv('app');
}
