// The authorization matrix of /api/v1 as data: every route and method x every kind of caller,
// each cell's status asserted against the real handler and a real database.
//
// A new endpoint adds ONE row to tests/integration/matrix/<area>.ts (a new area file joins the list
// in tests/integration/matrix/index.ts) and its entry to lib/api/routes/<area>.ts, e.g.
//   { method: 'GET', path: '/api/v1/patients/{patientId}/medications', expect: { signedOut: 401, patient: 200, otherPatient: 404, prescriberOnTeam: 200, prescriberOffTeam: 404, therapistOnTeam: 200, therapistOffTeam: 404, admin: 403, otherOrgClinician: 404 } },
// `{patientId}` is filled with the team's patient; other path parameters, a body or fresh rows per
// cell come from `call: async (w) => ({ params, body, query })`.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { answerSchema } from '@/lib/api/openapi';
import { apiRoutes } from '@/lib/api/registry';
import { callApi, exportedMethods, loadRoute, routeFiles } from '@/tests/support/api';
import { buildWorld, matrix, SUBJECTS, type World } from '@/tests/integration/matrix';
import { accountId, expectPublished } from '@/tests/support/matrix';

describe('the /api/v1 authorization matrix', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  describe.each(matrix.map((row) => [`${row.method} ${row.path}`, row] as const))(
    '%s',
    (_, row) => {
      it.each(SUBJECTS.map((s) => [s, row.expect[s]] as const))(
        '%s -> %i',
        async (subject, expected) => {
          const extra = row.call ? await row.call(world, subject) : {};
          const actor = subject === 'signedOut' ? null : accountId(world.users[subject]);
          const before = actor ? await db.auditEvent.count({ where: { actorId: actor } }) : 0;

          const result = await callApi({
            method: row.method,
            path: row.path,
            cookie: world.cookies[subject],
            ...extra,
            params: { patientId: world.team.patient.id, ...extra.params },
          });

          expect(result.status, JSON.stringify(result.body)).toBe(expected);
          expect(result.headers.get('cache-control')).toBe('no-store');
          if (result.status >= 400) {
            expect(result.headers.get('content-type')).toBe('application/problem+json');
            expect(result.body).toMatchObject({ status: expected, requestId: expect.any(String) });
          }
          // Every answer, success or problem, fits the schema its definition publishes for it.
          const route = apiRoutes.find((r) => r.method === row.method && r.path === row.path);
          expectPublished(route && answerSchema(route, result.status), result.body, expected);
          if (actor) {
            const after = await db.auditEvent.count({ where: { actorId: actor } });
            expect(after - before).toBe(row.audits ?? 1);
          }
        },
      );
    },
  );
});

describe('the route inventory', () => {
  it('lists every method exported under app/api/v1 in the matrix and the OpenAPI registry, and nothing else', async () => {
    const exported: string[] = [];
    for (const route of routeFiles()) {
      for (const method of exportedMethods(await loadRoute(route.path))) {
        exported.push(`${method} ${route.path}`);
      }
    }
    const inMatrix = matrix.map((r) => `${r.method} ${r.path}`);
    const inRegistry = apiRoutes.map((r) => `${r.method} ${r.path}`);
    expect(exported.length).toBeGreaterThan(0);
    expect([...inMatrix].sort()).toEqual([...exported].sort());
    expect([...inRegistry].sort()).toEqual([...exported].sort());
    expect(new Set(inMatrix).size).toBe(inMatrix.length);
  });

  it('gives every path parameter of every definition its schema, and no other', () => {
    for (const route of apiRoutes) {
      const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const shape = (route as { params?: { shape?: object } }).params?.shape ?? {};
      expect(Object.keys(shape).sort(), `${route.method} ${route.path}`).toEqual(placeholders);
    }
  });

  it('gives every row a status for every subject', () => {
    for (const row of matrix) expect(Object.keys(row.expect).sort()).toEqual([...SUBJECTS].sort());
  });
});
