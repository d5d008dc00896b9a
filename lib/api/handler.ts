import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { viewerFromRequest } from '@/lib/auth/request-viewer';
import { allowedOrigins, requestContextFrom, requestOrigin } from '@/lib/http/request-context';
import { log } from '@/lib/log';
import type { Viewer } from '@/lib/auth/viewer';
import { DomainError, NotFoundError, parseInput, UnreadableRequestError } from '@/lib/errors';
import { idempotencyOf, REPLAYED_HEADER } from '@/lib/api/idempotency';
import type { Idempotency } from '@/lib/idempotency';
import { problem, problemOf } from '@/lib/api/problem';
import { isClientGone, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/transient-errors';
import { recordEnrolmentGate } from '@/lib/data/second-factor';
import type { AuditAction, AuditResourceType } from '@/lib/audit-vocabulary';
import { isAudited } from '@/lib/data/audit';
import { recordRefusal, type Refusal } from '@/lib/data/patient-access';
import { Id } from '@/lib/schemas/common';

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HandlerContext<P> = {
  params: P;
  viewer: Viewer;
  requestId: string;
  /** A POST's Idempotency-Key: a route that creates passes it to its lib/data function. */
  idempotency: Idempotency | undefined;
};
type Handler<P> = (request: NextRequest, context: HandlerContext<P>) => Promise<Response>;

function toProblem(error: unknown, requestId: string): NextResponse {
  // Every refusal is a DomainError (lib/errors.ts); readBody and readQuery convert zod failures.
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
    {
      requestId,
    },
  );
}

/**
 * SECURITY: the Origin of a mutation from another site (cross-site request forgery), or null when
 * it may proceed. Same-origin is the request's own scheme and host (the forwarded ones only from a
 * trusted proxy, lib/http/request-context.ts), so the app works at whatever address it is opened;
 * NEXTAUTH_URL and ALLOWED_ORIGINS add more. Requests without an Origin (curl, server-to-server)
 * carry no ambient browser credentials beyond the SameSite=Lax session cookie.
 */
function foreignOrigin(request: NextRequest): { origin: string; own: string } | null {
  const origin = request.headers.get('origin');
  if (origin === null || !MUTATIONS.has(request.method)) return null;
  const own = requestOrigin((name) => request.headers.get(name), request.nextUrl);
  if (origin === own || allowedOrigins().origins.has(origin)) return null;
  return { origin, own };
}

function foreignOriginMessage({ origin, own }: { origin: string; own: string }): string {
  const shown = JSON.stringify(origin.slice(0, 200));
  return (
    `Changes sent from ${shown} are not accepted: that is not this app's address (${own}). ` +
    'Open Triad at its own address and try again, or ask the administrator to add that origin ' +
    'to ALLOWED_ORIGINS.'
  );
}

/**
 * SECURITY: a path id (`{patientId}`, `{noteId}`, ...) that is not a well-formed id names nothing:
 * 404 before any read, exactly as a record out of reach.
 */
function checkPathIds(params: unknown): void {
  if (typeof params !== 'object' || params === null) return;
  for (const [name, value] of Object.entries(params)) {
    if (!name.endsWith('Id')) continue;
    if (typeof value !== 'string' || !Id.safeParse(value).success) {
      throw new NotFoundError(name.slice(0, -2).replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
    }
  }
}

const ACTIONS: Partial<Record<string, AuditAction>> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
};

// The audit trail's noun for each section of a patient's API (`/api/v1/patients/{id}/<section>`).
const SECTION_RESOURCES: Partial<Record<string, AuditResourceType>> = {
  'access-log': 'accessLog',
  assessments: 'assessment',
  brief: 'brief',
  'care-team': 'careTeam',
  'check-ins': 'checkIn',
  'medication-changes': 'medicationChange',
  medications: 'medication',
  messages: 'careTeamMessage',
  'psychotherapy-notes': 'psychotherapyNote',
  'session-notes': 'sessionNote',
  timeline: 'timeline',
  'treatment-plan': 'treatmentPlan',
};

/**
 * The audit resource type of a path under `/api/v1/patients/{patientId}` (`patient` for the
 * patient's own), undefined for a section this table does not know (a test keeps it complete).
 */
export function auditResourceOfPath(path: string): AuditResourceType | undefined {
  const segments = path.split('/');
  const section = segments[segments.indexOf('patients') + 2];
  return section === undefined ? 'patient' : SECTION_RESOURCES[section];
}

/** The refusal of a request on a patient-scoped route (`/api/v1/patients/{patientId}/...`). */
function refusalOf(request: NextRequest, params: Record<string, unknown>, status: number): Refusal {
  const other = Object.entries(params).find(
    ([name]) => name !== 'patientId' && name.endsWith('Id'),
  );
  return {
    requestedPatientId: String(params.patientId),
    resourceId: typeof other?.[1] === 'string' ? other[1] : undefined,
    action: ACTIONS[request.method] ?? 'update',
    resourceType: auditResourceOfPath(request.nextUrl.pathname) ?? 'patient',
    status,
  };
}

/**
 * The answer to a thrown error. SECURITY: every refusal on a patient-scoped route is audited
 * (PRODUCT.md); those refused before reaching lib/data (a body or query that fails validation, a
 * malformed path id) are recorded here, once: lib/data marks those it recorded itself.
 */
async function answerError(
  error: unknown,
  request: NextRequest,
  requestId: string,
  viewer: Viewer | null,
  params: unknown,
): Promise<NextResponse> {
  const response = toProblem(error, requestId);
  const isRefusal = response.status >= 400 && response.status < 500 && response.status !== 401;
  if (
    viewer &&
    isRefusal &&
    !isAudited(error) &&
    typeof params === 'object' &&
    params !== null &&
    'patientId' in params
  ) {
    try {
      await recordRefusal(viewer, refusalOf(request, params, response.status));
    } catch (auditError) {
      return toProblem(auditError, requestId);
    }
  }
  return response;
}

type PublicHandler<P> = (
  request: NextRequest,
  context: { params: P; requestId: string },
) => Promise<Response>;

/**
 * The one wrapper of every /api/v1 route handler: the signed-in viewer or 401, foreign-origin
 * mutations refused, path ids checked, errors mapped to problem+json (refusals on patient-scoped
 * routes audited), and `Cache-Control: no-store` on every answer.
 * A POST's Idempotency-Key is parsed here (400 when malformed) and handed to the route; an answer
 * that lib/data replayed from the store gets the Idempotent-Replayed header.
 * `{ public: true }` (set-password, the OpenAPI document) skips the session and passes no viewer;
 * `{ duringEnrolment: true }` serves a viewer who must still set up a second factor.
 */
export function handle<P = Record<string, never>>(
  handler: Handler<P>,
  options?: { duringEnrolment: true },
): (request: NextRequest, route: { params: Promise<P> }) => Promise<Response>;
export function handle<P = Record<string, never>>(
  handler: PublicHandler<P>,
  options: { public: true },
): (request: NextRequest, route: { params: Promise<P> }) => Promise<Response>;
export function handle<P>(
  handler: Handler<P> | PublicHandler<P>,
  options: { public?: boolean; duringEnrolment?: boolean } = {},
) {
  return async (request: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const context = requestContextFrom((name) => request.headers.get(name));
    const { requestId } = context;
    let viewer: Viewer | null = null;
    let params: P | undefined;
    try {
      const foreign = foreignOrigin(request);
      if (foreign) return problem(403, foreignOriginMessage(foreign), { requestId });
      params = await route.params;
      let response: Response;
      if (options.public) {
        response = await (handler as PublicHandler<P>)(request, { params, requestId });
      } else {
        viewer = await viewerFromRequest(request, context);
        if (!viewer) return problem(401, 'Sign in to use the Triad API.', { requestId });
        // SECURITY: the one API gate of the organization's second-factor requirement; only the
        // routes that set one up (`duringEnrolment`) serve a viewer who has not yet.
        if (viewer.mustEnrolSecondFactor && !options.duringEnrolment) {
          await recordEnrolmentGate(viewer, request.nextUrl.pathname);
          return problem(
            403,
            'Your organization requires a second factor. Set one up on your Security page (/account/security) first.',
            { requestId },
          );
        }
        checkPathIds(params);
        const idempotency = request.method === 'POST' ? idempotencyOf(request) : undefined;
        response = await (handler as Handler<P>)(request, {
          params,
          viewer,
          requestId,
          idempotency,
        });
        if (idempotency?.replayed) response.headers.set(REPLAYED_HEADER, 'true');
      }
      response.headers.set('Cache-Control', 'no-store');
      return response;
    } catch (error) {
      // A client that went away is no error: nobody reads the answer, nothing is logged.
      if (isClientGone(error, request.signal)) return new NextResponse(null, { status: 499 });
      return answerError(error, request, requestId, viewer, params);
    }
  };
}

/** Reads a JSON body no larger than MAX_BODY_BYTES and parses it with a (strict) zod schema. */
export async function readBody<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new UnreadableRequestError(
      'Send the body as JSON (Content-Type: application/json).',
      415,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new UnreadableRequestError(`The body is over ${MAX_BODY_BYTES} bytes.`, 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new UnreadableRequestError(`The body is over ${MAX_BODY_BYTES} bytes.`, 413);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UnreadableRequestError('The body is not valid JSON.');
  }
  return parseInput(schema, body);
}

/**
 * Parses the query string with a zod schema (400 with field paths when it does not fit). An empty
 * parameter (`?q=`, as an empty form field sends) counts as absent.
 */
export function readQuery<S extends z.ZodType>(request: NextRequest, schema: S): z.output<S> {
  const entries = [...request.nextUrl.searchParams].filter(([, value]) => value !== '');
  return parseInput(schema, Object.fromEntries(entries));
}

/** 200 with a JSON body. */
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
