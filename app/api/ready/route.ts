// Readiness (docs/decisions/030-health-logs-metrics.md): this server should get traffic. 503 while
// the database does not answer, while a shipped migration is not applied, and while the server
// drains on its way out (scripts/next-server.ts). Not part of the v1 API: no session, no patient
// data, no audit.
import { NextResponse } from 'next/server';
import { problem } from '@/lib/api/problem';
import { readiness } from '@/lib/data/operations';
import { isDraining } from '@/lib/http/draining';
import { RETRY_AFTER_SECONDS } from '@/lib/transient-errors';

export const dynamic = 'force-dynamic';

function notReady(detail: string): NextResponse {
  return problem(503, detail, { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
}

export async function GET(): Promise<NextResponse> {
  if (isDraining()) return notReady('This server is shutting down.');
  const result = await readiness();
  if (!result.ready) return notReady(`Not ready: ${result.reason}.`);
  return NextResponse.json({ status: 'ready' }, { headers: { 'Cache-Control': 'no-store' } });
}
