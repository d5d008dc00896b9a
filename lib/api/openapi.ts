// The OpenAPI 3.1 document of /api/v1, generated from the route definitions (lib/api/registry.ts)
// and their zod schemas: nothing in it is written twice.
import { z } from 'zod';
import type { ApiRoute, ProblemAnswer } from '@/lib/api/define-route';
import { IdempotencyKeyValue, REPLAYED_HEADER } from '@/lib/api/idempotency';
import { IDEMPOTENCY_HEADER } from '@/lib/idempotency';
import { permissionTable } from '@/lib/auth/policy';
import { Problem } from '@/lib/schemas/common';

type JsonSchema = Record<string, unknown>;

function plain(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` lists each field path.',
  401: 'Not signed in.',
  403: 'The role may not do this (or the request came from another site).',
  404: 'Out of scope or absent.',
  409: 'Conflicts with the current state.',
  412: 'Stale If-Match.',
  413: 'The body is too large.',
  415: 'The body is not JSON.',
  428: 'If-Match is required.',
  500: 'Server error; quote the requestId.',
};

const ROLES = new Set(Object.values(permissionTable).flat());

/**
 * The problem statuses a route's definition implies: a body or query can be invalid (400), a body
 * too large or not JSON (413, 415), a path parameter can name nothing (404), If-Match can be
 * stale or missing (412, 428), a POST's Idempotency-Key malformed (400) or reused (409), a
 * permission that some roles lack refuses them (403), a mutation from another site is refused
 * (403), a session is needed (401), and anything can fail (500).
 */
function impliedProblems(route: ApiRoute): number[] {
  const implied = [500];
  if (route.body) implied.push(400, 413, 415);
  if (route.query) implied.push(400);
  if (route.params) implied.push(404);
  if (route.ifMatch) implied.push(412, 428);
  if (route.method === 'POST' && !route.public) implied.push(400);
  if (route.idempotent) implied.push(409);
  if (route.permission && permissionTable[route.permission].length < ROLES.size) implied.push(403);
  if (route.method !== 'GET') implied.push(403);
  if (!route.public) implied.push(401);
  return implied;
}

/** The problem answers of a route, each with the problem+json schema its body follows. */
export function problemAnswers(route: ApiRoute): ProblemAnswer[] {
  const statuses = new Map<number, ProblemAnswer>();
  for (const status of [...impliedProblems(route), ...(route.problems ?? [])]) {
    if (typeof status !== 'number') continue;
    const description = PROBLEM_DESCRIPTIONS[status] ?? 'Error.';
    statuses.set(status, { status, description, schema: Problem });
  }
  for (const answer of route.problems ?? []) {
    if (typeof answer !== 'number') statuses.set(answer.status, answer);
  }
  return [...statuses.values()].sort((a, b) => a.status - b.status);
}

/** The schema an answer of `status` follows (success or problem+json), undefined if unpublished. */
export function answerSchema(route: ApiRoute, status: number): z.ZodType | undefined {
  const { success } = route;
  if (status === success.status || success.also?.includes(status as 200)) return success.schema;
  return problemAnswers(route).find((p) => p.status === status)?.schema;
}

const headerParameter = (
  name: string,
  description: string,
  schema: JsonSchema,
  required = false,
) => ({
  name,
  in: 'header',
  required,
  description,
  schema,
});

const idempotencyKeyParameter = headerParameter(
  IDEMPOTENCY_HEADER,
  'A key of your choosing (a UUID per user action, reused when you retry that action). A repeat ' +
    'with the same key and the same request answers the first result again, with the header ' +
    `\`${REPLAYED_HEADER}: true\`, and creates nothing; the same key with a different request is a ` +
    '409 naming this header. Refused requests are not remembered: retry them with the same key.',
  plain(IdempotencyKeyValue, 'input'),
);

const ifMatchParameter = headerParameter(
  'If-Match',
  'The version you edited, as the ETag of GET gave it (`"3"`; `"0"` before the first version).',
  { type: 'string', pattern: '^"(0|[1-9][0-9]{0,8})"$' },
  true,
);

const replayedHeader = {
  [REPLAYED_HEADER]: {
    description: '`true` when this is the stored answer of an earlier request.',
    schema: { type: 'string', enum: ['true'] },
  },
};

function parametersOf(schema: z.ZodType, where: 'path' | 'query') {
  const json = plain(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function successAnswers(route: ApiRoute) {
  const { success } = route;
  const answer = {
    description: success.description,
    ...(route.idempotent ? { headers: replayedHeader } : {}),
    ...(success.schema
      ? {
          content: {
            [success.contentType ?? 'application/json']: {
              schema: plain(success.schema, 'output'),
            },
          },
        }
      : {}),
  };
  return Object.fromEntries([success.status, ...(success.also ?? [])].map((s) => [s, answer]));
}

function problemAnswer({ description, schema }: ProblemAnswer) {
  const body =
    schema === Problem ? { $ref: '#/components/schemas/Problem' } : plain(schema, 'output');
  return { description, content: { 'application/problem+json': { schema: body } } };
}

function operation(route: ApiRoute) {
  const parameters = [
    ...(route.params ? parametersOf(route.params, 'path') : []),
    ...(route.query ? parametersOf(route.query, 'query') : []),
    ...(route.ifMatch ? [ifMatchParameter] : []),
    ...(route.idempotent ? [idempotencyKeyParameter] : []),
  ];
  const permission = route.permission ? ` (permission \`${route.permission}\`)` : '';
  return {
    tags: [route.tag],
    summary: route.summary,
    description: `Who may call it${permission}: ${route.who}`,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`,
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: plain(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      ...successAnswers(route),
      ...Object.fromEntries(problemAnswers(route).map((p) => [p.status, problemAnswer(p)])),
    },
  };
}

const documents = new WeakMap<readonly ApiRoute[], JsonSchema>();

/** The OpenAPI 3.1 document of /api/v1, generated from the route definitions. */
export function openApiDocument(routes: readonly ApiRoute[]): JsonSchema {
  const known = documents.get(routes);
  if (known) return known;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  const document = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Triad API',
      version: '1',
      description:
        'The JSON API the Triad UI and integrations share. Sign in through next-auth ' +
        '(`/api/auth/csrf`, then `/api/auth/callback/credentials`); the session cookie ' +
        'authenticates every call. Errors are `application/problem+json`. Out of scope is 404; ' +
        'a role-level denial on something the caller can otherwise see is 403. Members marked ' +
        '`readOnly` are answered, never written: a PUT may send them back as GET gave them, ' +
        'and they are ignored.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: { Problem: plain(Problem, 'output') },
    },
  };
  documents.set(routes, document);
  return document;
}
