import { NextResponse } from 'next/server';

export type FieldError = { path: string; message: string };

const titles: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with the current record',
  412: 'The record has changed since you loaded it',
  413: 'The request body is too large',
  415: 'The request body must be JSON',
  428: 'If-Match is required',
  500: 'Something went wrong on our side',
  503: 'Temporarily unavailable',
};

/** An `application/problem+json` response (RFC 9457), never carrying a stack trace or SQL. */
export function problem(
  status: number,
  detail: string,
  extra: { requestId?: string; errors?: FieldError[] } = {},
): NextResponse {
  return new NextResponse(
    JSON.stringify({
      type: 'about:blank',
      title: titles[status] ?? 'Error',
      status,
      detail,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.requestId ? { requestId: extra.requestId } : {}),
    }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' },
    },
  );
}
