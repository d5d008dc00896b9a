import { describe, expect, it } from 'vitest';
import { apiRoutes } from '@/lib/api/registry';
import { callApi } from '@/tests/support/api';

type Operation = {
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
  security?: unknown[];
  description: string;
};

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe('GET /api/v1/openapi.json', () => {
  it('is public and describes every registered route', async () => {
    const result = await callApi({ method: 'GET', path: '/api/v1/openapi.json' });
    expect(result.status).toBe(200);
    const doc = result.body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of apiRoutes) {
      const operation: Operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.description).toContain(route.who);
      expect(Object.keys(operation.responses)).toContain(String(route.success.status));
      expect(Object.keys(operation.responses)).toContain('500');
      if (route.public) expect(operation.security).toEqual([]);
      else expect(Object.keys(operation.responses)).toContain('401');

      const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
      expect(pathParams.map((p) => p.name).sort()).toEqual(placeholders.sort());
      expect(pathParams.every((p) => p.required)).toBe(true);

      if (route.body) {
        const schema = operation.requestBody!.content['application/json']!.schema;
        // Unknown fields are refused, and the document says so.
        expect(schema.additionalProperties).toBe(false);
      }
    }
  });

  it('names every operation uniquely', async () => {
    const { body: doc } = await callApi({ method: 'GET', path: '/api/v1/openapi.json' });
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((methods) => Object.values(methods))
      .map((operation) => operation.operationId);
    expect(ids).toHaveLength(apiRoutes.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref within the document', async () => {
    const { body: doc } = await callApi({ method: 'GET', path: '/api/v1/openapi.json' });
    for (const ref of refsIn(doc)) {
      expect(ref.startsWith('#/')).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce((node: Record<string, unknown> | undefined, key) => node?.[key] as never, doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents limits and bounds from the same zod schemas that validate requests', async () => {
    const { body: doc } = await callApi({ method: 'GET', path: '/api/v1/openapi.json' });
    const create = doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema;
    expect(create.properties.name.maxLength).toBe(200);
    expect(create.properties.email.maxLength).toBe(320);
    expect(create.properties.initialPassword.minLength).toBe(12);
    expect(create.required).toEqual(['role', 'name', 'email']);
    const list = doc.paths['/api/v1/patients'].get.parameters;
    expect(list.find((p: { name: string }) => p.name === 'limit').schema.default).toBe(25);
  });

  it('marks read-only members, which the plan’s PUT accepts back and ignores', async () => {
    const { body: doc } = await callApi({ method: 'GET', path: '/api/v1/openapi.json' });
    const plan = doc.paths['/api/v1/patients/{patientId}/treatment-plan'];
    const answered = plan.put.responses['200'].content['application/json'].schema;
    expect(answered.properties.author.readOnly).toBe(true);
    expect(answered.properties.version.readOnly).toBe(true);
    expect(answered.properties.interventions.items.properties.owner.readOnly).toBe(true);
    const sent = plan.put.requestBody.content['application/json'].schema;
    expect(sent.properties.author.readOnly).toBe(true);
    expect(sent.properties.interventions.items.properties.owner.readOnly).toBe(true);
    expect(sent.additionalProperties).toBe(false);
    expect(sent.required).not.toContain('version');
    const stale = plan.put.responses['412'].content['application/problem+json'].schema;
    // Named when the If-Match named a version that is no longer current; absent when malformed.
    expect(stale.properties.currentVersion.type).toBe('integer');
    expect(plan.put.parameters.find((p: { name: string }) => p.name === 'If-Match').required).toBe(
      true,
    );
  });
});
