// The authorization matrix of /api/v1 as data: every route and method x every kind of caller,
// each cell's status asserted against the real handler and a real database.
//
// A new endpoint adds ONE row to tests/integration/matrix/<area>.ts (a new area file joins the list
// in tests/integration/matrix/index.ts) and its entry to lib/api/routes/<area>.ts, e.g.
//   { method: 'GET', path: '/api/v1/patients/{patientId}/medications', expect: { signedOut: 401, patient: 200, otherPatient: 404, prescriberOnTeam: 200, prescriberOffTeam: 404, therapistOnTeam: 200, therapistOffTeam: 404, admin: 403, otherOrgClinician: 404 } },
// `{patientId}` is filled with the team's patient; other path parameters, a body or fresh rows per
// cell come from `call: async (w) => ({ params, body, query })`.
import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { apiRoutes } from '@/lib/api/openapi';
import type { PatientWithAccount } from '@/tests/factories';
import { callApi, exportedMethods, loadRoute, routeFiles } from '@/tests/support/api';
import { buildWorld, matrix, SUBJECTS, type World } from '@/tests/integration/matrix';

function accountId(user: User | PatientWithAccount): string {
  return 'account' in user ? user.account.id : user.id;
}

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
          const extra = row.call ? await row.call(world) : {};
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
          } else {
            // Every success matches the schema the OpenAPI document publishes for it.
            const documented = apiRoutes.find(
              (r) => r.method === row.method && r.path === row.path,
            );
            expect(documented?.success.status).toBe(expected);
            if (documented?.success.schema) documented.success.schema.parse(result.body);
          }
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

  it('gives every row a status for every subject', () => {
    for (const row of matrix) expect(Object.keys(row.expect).sort()).toEqual([...SUBJECTS].sort());
  });
});
