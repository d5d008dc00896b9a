// The authorization matrix of /api/v1 as data: every route and method x every kind of caller,
// each cell's status asserted against the real handler and a real database.
//
// A new endpoint adds ONE row to tests/integration/matrix/<area>.ts (and its entry to
// lib/api/routes/<area>.ts), e.g.
//   { method: 'GET', path: '/api/v1/patients/{patientId}/medications', expect: { signedOut: 401, patient: 200, otherPatient: 404, prescriberOnTeam: 200, prescriberOffTeam: 404, therapistOnTeam: 200, therapistOffTeam: 404, admin: 403, otherOrgClinician: 404 } },
// `{patientId}` is filled with the team's patient; other path parameters, a body or fresh rows per
// cell come from `call: async (w) => ({ params, body, query })`.
import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { apiRoutes } from '@/lib/api/openapi';
import {
  addToCareTeam,
  createCareTeam,
  createOrganization,
  createPatient,
  createUser,
  type PatientWithAccount,
} from '@/tests/factories';
import {
  callApi,
  exportedMethods,
  loadRoute,
  routeFiles,
  sessionCookie,
} from '@/tests/support/api';
import { coreRows } from '@/tests/integration/matrix/core';
import { medicationRows } from '@/tests/integration/matrix/medications';
import { patientReportRows } from '@/tests/integration/matrix/patient-reports';
import { therapyRows } from '@/tests/integration/matrix/therapy';
import { treatmentPlanRows } from '@/tests/integration/matrix/treatment-plan';
import { SUBJECTS, type Row, type Subject, type World } from '@/tests/support/matrix';

const matrix: Row[] = [
  ...coreRows,
  ...medicationRows,
  ...therapyRows,
  ...patientReportRows,
  ...treatmentPlanRows,
];

async function buildWorld(): Promise<World> {
  const team = await createCareTeam(db, { passwordHash: null });
  const org = team.organization;
  const otherPatient = await createPatient(db, org, { passwordHash: null });
  const prescriberOff = await createUser(db, org, { role: 'PRESCRIBER', passwordHash: null });
  const therapistOff = await createUser(db, org, { role: 'THERAPIST', passwordHash: null });
  await addToCareTeam(db, otherPatient, prescriberOff);
  await addToCareTeam(db, otherPatient, therapistOff);
  const admin = await createUser(db, org, { role: 'ADMIN', passwordHash: null });
  const elsewhere = await createCareTeam(db, {
    organization: await createOrganization(db),
    passwordHash: null,
  });
  const users = {
    patient: team.patient,
    otherPatient,
    prescriberOnTeam: team.prescriber,
    prescriberOffTeam: prescriberOff,
    therapistOnTeam: team.therapist,
    therapistOffTeam: therapistOff,
    admin,
    otherOrgClinician: elsewhere.prescriber,
  };
  const cookies = { signedOut: undefined } as Record<Subject, string | undefined>;
  for (const [subject, user] of Object.entries(users)) {
    cookies[subject as Subject] = await sessionCookie(user);
  }
  return { team, users, cookies };
}

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
