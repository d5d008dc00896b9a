// Prometheus metrics (docs/decisions/030-health-logs-metrics.md), behind a bearer token:
// METRICS_TOKEN unset, the endpoint is off (404). The request metrics are recorded by the server in
// front of Next; the gauges are read at each scrape. Not part of the v1 API: counts and route
// patterns only, no patient data, no audit.
import type { NextRequest } from 'next/server';
import { problem } from '@/lib/api/problem';
import { operationalState } from '@/lib/data/operations';
import { env } from '@/lib/env';
import { bearerMatches } from '@/lib/http/bearer';
import { log } from '@/lib/log';
import { metrics, setOperationalState } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  const token = env.METRICS_TOKEN;
  if (!token) return problem(404, 'Not found.');
  if (!bearerMatches(request.headers.get('authorization'), token)) {
    return problem(401, 'A valid metrics token is required.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="triad-metrics"' },
    });
  }
  try {
    setOperationalState(await operationalState());
  } catch (error) {
    // The process metrics still help when the database does not answer; the gauges keep their
    // last readings, and the log says why they did not move.
    log.warn('metrics: the database readings failed', {
      cause: error instanceof Error ? error.message.split('\n')[0] : String(error),
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
