// One autocannon run against one server, with pg_stat_activity sampled while it lasts.
import autocannon from 'autocannon';
import { sampleActivity, type Activity } from './sampler';

export type Load = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than 2xx and connection errors (timeouts included): any spoils the figure. */
  failures: number;
  activity: Activity;
};

export type Target = { url: string; cookie: string };

function cannon(target: Target, connections: number, seconds: number) {
  return autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: { cookie: target.cookie },
    timeout: 30,
  });
}

/** A short run to warm the server's code paths and caches; its figures are thrown away. */
export async function warmUp(target: Target, seconds: number): Promise<void> {
  await cannon(target, 4, seconds);
}

export async function measure(
  target: Target,
  connections: number,
  seconds: number,
  databaseUrl: string,
): Promise<Load> {
  const sampler = await sampleActivity(databaseUrl);
  const result = await cannon(target, connections, seconds);
  const activity = await sampler.stop();
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors,
    activity,
  };
}
