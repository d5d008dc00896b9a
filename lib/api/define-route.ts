// One definition per endpoint (docs/decisions/018-one-shape.md): the handler parses what the
// definition names, the OpenAPI document (lib/api/openapi.ts) is generated from it, and the
// authorization matrix (tests/integration/api-matrix.test.ts) checks every answer against it.
import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import type { Idempotency } from '@/lib/idempotency';
import { idempotencyOf, REPLAYED_HEADER } from '@/lib/api/idempotency';
import { handle, type Gate, type RouteHandler } from '@/lib/api/handler';
import { readBody, readIfMatch, readParams, readQuery } from '@/lib/api/request';
import { noContent, ok } from '@/lib/api/responses';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ApiPath = `/api/v1/${string}`;
export type { RouteHandler } from '@/lib/api/handler';

/** The success answer; `schema` absent for 204. `also`: other statuses with the same body. */
export type Success = {
  status: 200 | 201 | 204;
  description: string;
  schema?: z.ZodType;
  also?: readonly (200 | 201)[];
  /**
   * The media type when not JSON; for an event stream, `schema` is each event's data, for a
   * calendar (text/calendar) the text itself, for a PDF the document, for FHIR the resource.
   */
  contentType?: 'text/event-stream' | 'text/calendar' | 'application/pdf' | 'application/fhir+json';
};

/** A problem answer whose problem+json body carries more than `Problem` (e.g. the stale 412). */
export type ProblemAnswer = { status: number; description: string; schema: z.ZodType };

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a definition's handler receives: everything already parsed and checked. */
export type RouteInput<Params, Query, Body, Public, IfMatch> = {
  request: NextRequest;
  requestId: string;
  viewer: Public extends true ? null : Viewer;
  params: Output<Params>;
  query: Output<Query>;
  body: Output<Body>;
  /** The version `If-Match` names (routes with `ifMatch: true`). */
  ifMatch: IfMatch extends true ? number : undefined;
  /** A POST's Idempotency-Key: a route that creates passes it to its lib/data function. */
  idempotency: Idempotency | undefined;
};

/** The parts of a definition the document, the matrix and the tests read. */
export type RouteSpec<M extends HttpMethod = HttpMethod, P extends ApiPath = ApiPath> = {
  method: M;
  /** OpenAPI form: `/api/v1/patients/{patientId}`. */
  path: P;
  tag: string;
  summary: string;
  /** Who may call it, shown in the document. */
  who: string;
  /** The permission of lib/auth/policy.ts the route needs, when one applies. */
  permission?: Permission;
  /**
   * Creates something, so honours an Idempotency-Key (lib/data/idempotency.ts): the OpenAPI
   * document gets the header, the replay header and 409. Every POST answering 201 must say so;
   * tests/integration/idempotency.test.ts checks each such route replays and refuses as promised.
   */
  idempotent?: true;
  /** No session needed (no 401). */
  public?: boolean;
  /** Served to a viewer who must still set up a second factor. */
  duringEnrolment?: true;
  /** Needs `If-Match: "<version>"` (428 without it, 412 when malformed), read before the body. */
  ifMatch?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  success: Success;
  /**
   * Problem answers besides those the definition implies (lib/api/openapi.ts, impliedProblems):
   * a role-level 403 where no permission says so, a domain 409, a problem with more members.
   */
  problems?: readonly (number | ProblemAnswer)[];
};

/** A registered route: its definition and the handler Next calls. */
export type ApiRoute<M extends HttpMethod = HttpMethod, P extends ApiPath = ApiPath> = RouteSpec<
  M,
  P
> & { serve: RouteHandler };

type Definition<M extends HttpMethod, P extends ApiPath, PS, QS, BS, Pub, IM> = RouteSpec<M, P> & {
  params?: PS;
  query?: QS;
  body?: BS;
  public?: Pub;
  ifMatch?: IM;
  /** Answers a body (sent with the success status) or a whole Response (for headers). */
  handler: (input: RouteInput<PS, QS, BS, Pub, IM>) => Promise<unknown>;
};

/** The answer of a handler that returned a body rather than a Response. */
function answer(spec: RouteSpec, result: unknown): Response {
  if (result instanceof Response) return result;
  return spec.success.status === 204 ? noContent() : ok(result, { status: spec.success.status });
}

/** Defines an endpoint: its document entry and its handler, from one object. */
export function defineRoute<
  const M extends HttpMethod,
  const P extends ApiPath,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  Pub extends boolean = false,
  IM extends boolean = false,
>(definition: Definition<M, P, PS, QS, BS, Pub, IM>): ApiRoute<M, P> {
  const { handler, ...spec } = definition;
  type Input = RouteInput<PS, QS, BS, Pub, IM>;
  const serve = async (request: NextRequest, gate: Gate): Promise<Response> => {
    const params = (spec.params ? readParams(spec.params, gate.params) : {}) as Input['params'];
    const ifMatch = (spec.ifMatch ? readIfMatch(request) : undefined) as Input['ifMatch'];
    const idempotency =
      request.method === 'POST' && !spec.public ? idempotencyOf(request) : undefined;
    const query = (spec.query ? readQuery(request, spec.query) : undefined) as Input['query'];
    const body = (spec.body ? await readBody(request, spec.body) : undefined) as Input['body'];
    const viewer = gate.viewer as Input['viewer'];
    const { requestId } = gate;
    const input = { request, requestId, viewer, params, query, body, ifMatch, idempotency };
    const response = answer(spec, await handler(input));
    if (idempotency?.replayed) response.headers.set(REPLAYED_HEADER, 'true');
    return response;
  };
  return { ...spec, serve: handle(serve, spec) };
}
