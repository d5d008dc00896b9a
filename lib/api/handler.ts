// The one wrapper of every /api/v1 route handler (each built by lib/api/define-route.ts).
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { viewerFromRequest } from '@/lib/auth/request-viewer';
import { allowedOrigins, requestContextFrom, requestOrigin } from '@/lib/http/request-context';
import { log } from '@/lib/log';
import type { Viewer } from '@/lib/auth/viewer';
import { DomainError } from '@/lib/errors';
import { problem, problemOf } from '@/lib/api/problem';
import { auditRefusal } from '@/lib/api/refusals';
import { isClientGone, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/transient-errors';
import { recordEnrolmentGate } from '@/lib/data/second-factor';

export { auditResourceOfPath } from '@/lib/api/refusals';
export { created, noContent, ok } from '@/lib/api/responses';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the wrapper hands a route: the viewer (null on a public route), request id, path params. */
export type Gate = { viewer: Viewer | null; requestId: string; params: object };

/** A route handler as Next calls it. */
export type RouteHandler = (
  request: NextRequest,
  route: { params: Promise<object> },
) => Promise<Response>;

function toProblem(error: unknown, requestId: string): NextResponse {
  // Every refusal is a DomainError (lib/errors.ts); lib/api/request.ts converts zod failures.
  if (error instanceof DomainError) return problemOf(error, requestId);
  if (isDatabaseUnavailable(error)) {
    // Not a bug: one line, no stack (docs/decisions/016-start-up-durability-timeouts.md).
    log.warn('database unavailable', {
      requestId,
      cause: String((error as Error)?.message ?? error).split('\n')[0],
    });
    const unavailable = problem(
      503,
      'Triad cannot reach its database just now. Please try again in a few seconds.',
      { requestId },
    );
    unavailable.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
    return unavailable;
  }
  // The details stay in the server log, found again by the request id the client sees.
  log.error('unhandled error in an API handler', { requestId, error });
  return problem(
    500,
    'Please try again. If it keeps happening, contact support with the request id.',
    { requestId },
  );
}

/**
 * SECURITY: the Origin of a mutation from another site (cross-site request forgery), or null when
 * it may proceed. Same-origin is the request's own scheme and host (the forwarded ones only from a
 * trusted proxy, lib/http/request-context.ts), so the app works at whatever address it is opened;
 * NEXTAUTH_URL and ALLOWED_ORIGINS add more. Requests without an Origin (curl, server-to-server)
 * carry no ambient browser credentials beyond the SameSite=Lax session cookie.
 */
function foreignOrigin(request: NextRequest): string | null {
  const origin = request.headers.get('origin');
  if (origin === null || !MUTATIONS.has(request.method)) return null;
  const own = requestOrigin((name) => request.headers.get(name), request.nextUrl);
  if (origin === own || allowedOrigins().origins.has(origin)) return null;
  return (
    `Changes sent from ${JSON.stringify(origin.slice(0, 200))} are not accepted: that is not ` +
    `this app's address (${own}). Open Triad at its own address and try again, or ask the ` +
    'administrator to add that origin to ALLOWED_ORIGINS.'
  );
}

/** The answer to a thrown error, its refusal audited (lib/api/refusals.ts). */
async function answerError(
  error: unknown,
  request: NextRequest,
  gate: Partial<Gate>,
): Promise<Response> {
  // A client that went away is no error: nobody reads the answer, nothing is logged.
  if (isClientGone(error, request.signal)) return new NextResponse(null, { status: 499 });
  const requestId = gate.requestId!;
  const response = toProblem(error, requestId);
  try {
    await auditRefusal(error, response.status, request, gate.viewer ?? null, gate.params);
  } catch (auditError) {
    return toProblem(auditError, requestId);
  }
  return response;
}

/** The signed-in viewer, or the answer that refuses the request (401, or 403 until enrolled). */
async function admit(
  request: NextRequest,
  requestId: string,
  context: ReturnType<typeof requestContextFrom>,
  duringEnrolment: boolean,
): Promise<Viewer | Response> {
  const viewer = await viewerFromRequest(request, context);
  if (!viewer) return problem(401, 'Sign in to use the Triad API.', { requestId });
  // SECURITY: the one API gate of the organization's second-factor requirement; only the routes
  // that set one up (`duringEnrolment`) serve a viewer who has not yet.
  if (viewer.mustEnrolSecondFactor && !duringEnrolment) {
    await recordEnrolmentGate(viewer, request.nextUrl.pathname);
    return problem(
      403,
      'Your organization requires a second factor. Set one up on your Security page (/account/security) first.',
      { requestId },
    );
  }
  return viewer;
}

/**
 * Wraps a route: the signed-in viewer or 401, foreign-origin mutations refused, errors mapped to
 * problem+json (refusals on patient-scoped routes audited), and `Cache-Control: no-store` on
 * every answer. `public` (set-password, the OpenAPI document) skips the session and passes no
 * viewer; `duringEnrolment` serves a viewer who must still set up a second factor.
 */
export function handle(
  serve: (request: NextRequest, gate: Gate) => Promise<Response>,
  options: { public?: boolean; duringEnrolment?: boolean } = {},
): RouteHandler {
  return async (request, route) => {
    const context = requestContextFrom((name) => request.headers.get(name));
    const gate: Partial<Gate> = { requestId: context.requestId, viewer: null };
    try {
      const foreign = foreignOrigin(request);
      if (foreign) return problem(403, foreign, { requestId: context.requestId });
      gate.params = await route.params;
      if (!options.public) {
        const admitted = await admit(
          request,
          context.requestId,
          context,
          !!options.duringEnrolment,
        );
        if (admitted instanceof Response) return admitted;
        gate.viewer = admitted;
      }
      const response = await serve(request, gate as Gate);
      response.headers.set('Cache-Control', 'no-store');
      return response;
    } catch (error) {
      return answerError(error, request, gate);
    }
  };
}
