import { NextResponse } from 'next/server';
import type { DomainError, FieldError } from '@/lib/errors';

export type { FieldError } from '@/lib/errors';

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
  extra: {
    requestId?: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): NextResponse {
  return new NextResponse(
    JSON.stringify({
      type: 'about:blank',
      title: titles[status] ?? 'Error',
      status,
      detail,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...extra.extensions,
      ...(extra.requestId ? { requestId: extra.requestId } : {}),
    }),
    {
      status,
      headers: {
        ...extra.headers,
        'Content-Type': 'application/problem+json',
        'Cache-Control': 'no-store',
      },
    },
  );
}

/** The one mapping of a DomainError (lib/errors.ts) to its problem+json answer. */
export function problemOf(error: DomainError, requestId?: string): NextResponse {
  return problem(error.status, error.detail, {
    requestId,
    errors: error.fieldErrors,
    extensions: error.extensions,
    headers: error.headers,
  });
}
