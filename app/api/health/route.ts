// Liveness (docs/decisions/030-health-logs-metrics.md): the process is up and serving. It touches
// no database, so a database outage does not make an orchestrator restart healthy servers. Not
// part of the v1 API: no session, no patient data, no audit.
import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

export function GET(): NextResponse {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
