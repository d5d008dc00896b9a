// The answers of /api/v1 besides problems (lib/api/problem.ts): every one `Cache-Control: no-store`.
import { NextResponse } from 'next/server';

/** 200 (or `init.status`) with a JSON body. */
export function ok(body: unknown, init: ResponseInit = {}): NextResponse {
  return NextResponse.json(body, {
    ...init,
    headers: { 'Cache-Control': 'no-store', ...init.headers },
  });
}

/** 201 with the created resource. */
export function created(body: unknown): NextResponse {
  return ok(body, { status: 201 });
}

/** 204: done, nothing to send back. */
export function noContent(): NextResponse {
  return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
