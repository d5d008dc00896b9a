// The v1 API's one registry: every route, who may call it and its schemas, gathered from
// lib/api/routes/<area>.ts. The OpenAPI 3.1 document is generated from it, and the
// authorization-matrix tests check that it lists exactly the routes under app/api/v1. A new
// endpoint adds its entry to its area's file (and its row to tests/integration/matrix/<area>.ts).
import { z } from 'zod';
import { IdempotencyKeyValue, REPLAYED_HEADER } from '@/lib/api/idempotency';
import { IDEMPOTENCY_HEADER } from '@/lib/idempotency';
import type { ApiRoute } from '@/lib/api/registry';
import { accountRoutes } from '@/lib/api/routes/accounts';
import { coreRoutes } from '@/lib/api/routes/core';
import { medicationRoutes } from '@/lib/api/routes/medications';
import { patientReportRoutes } from '@/lib/api/routes/patient-reports';
import { securityRoutes } from '@/lib/api/routes/security';
import { therapyRoutes } from '@/lib/api/routes/therapy';
import { treatmentPlanRoutes } from '@/lib/api/routes/treatment-plan';
import { Problem } from '@/lib/schemas/common';

export type { ApiRoute, HttpMethod } from '@/lib/api/registry';

/** Every /api/v1 route. Keep in step with app/api/v1 (tests/integration/api-matrix.test.ts). */
export const apiRoutes: readonly ApiRoute[] = [
  ...coreRoutes,
  ...medicationRoutes,
  ...therapyRoutes,
  ...patientReportRoutes,
  ...treatmentPlanRoutes,
  ...accountRoutes,
  ...securityRoutes,
];

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

function problemResponse(status: number) {
  return {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Error.',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

const idempotencyKeyParameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'A key of your choosing (a UUID per user action, reused when you retry that action). A repeat ' +
    'with the same key and the same request answers the first result again, with the header ' +
    `\`${REPLAYED_HEADER}: true\`, and creates nothing; the same key with a different request is a ` +
    '409 naming this header. Refused requests are not remembered: retry them with the same key.',
  schema: plain(IdempotencyKeyValue, 'input'),
};

function operation(route: ApiRoute) {
  const parameters = [
    ...(route.params ? parametersOf(route.params, 'path') : []),
    ...(route.query ? parametersOf(route.query, 'query') : []),
    ...(route.idempotent ? [idempotencyKeyParameter] : []),
  ];
  const statuses = new Set(route.problems);
  if (route.idempotent) statuses.add(409);
  if (!route.public) statuses.add(401);
  if (route.method !== 'GET') statuses.add(403);
  statuses.add(500);
  const { success } = route;
  return {
    tags: [route.tag],
    summary: route.summary,
    description: `Who may call it: ${route.who}`,
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
      [success.status]: {
        description: success.description,
        ...(route.idempotent
          ? {
              headers: {
                [REPLAYED_HEADER]: {
                  description: '`true` when this is the stored answer of an earlier request.',
                  schema: { type: 'string', enum: ['true'] },
                },
              },
            }
          : {}),
        ...(success.schema
          ? { content: { 'application/json': { schema: plain(success.schema, 'output') } } }
          : {}),
      },
      ...Object.fromEntries([...statuses].sort().map((s) => [s, problemResponse(s)])),
    },
  };
}

function parametersOf(schema: z.ZodObject, where: 'path' | 'query') {
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

let document: JsonSchema | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated from the registry and its zod schemas. */
export function openApiDocument(): JsonSchema {
  if (document) return document;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  document = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Triad API',
      version: '1',
      description:
        'The JSON API the Triad UI and integrations share. Sign in through next-auth ' +
        '(`/api/auth/csrf`, then `/api/auth/callback/credentials`); the session cookie ' +
        'authenticates every call. Errors are `application/problem+json`. Out of scope is 404; ' +
        'a role-level denial on something the caller can otherwise see is 403.',
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
  return document;
}
