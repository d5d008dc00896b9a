// Refusals on patient-scoped routes in the audit trail: each recorded once, with the
// patient id only when the caller may see that patient, and never with the raw input.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { auditResourceOfPath } from '@/lib/api/handler';
import { apiRoutes } from '@/lib/api/registry';
import { buildWorld, type Subject, type World } from '@/tests/integration/matrix';
import { accountId } from '@/tests/support/matrix';
import { callApi, type ApiCall } from '@/tests/support/api';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

/** Calls as `subject`; answers the status and the audit events the call added. */
async function refused(subject: Exclude<Subject, 'signedOut'>, call: Partial<ApiCall>) {
  const actorId = accountId(world.users[subject]);
  const before = new Date();
  const result = await callApi({
    method: 'GET',
    path: '/api/v1/patients/{patientId}',
    cookie: world.cookies[subject],
    ...call,
    params: { patientId: world.team.patient.id, ...call.params },
  });
  const events = await db.auditEvent.findMany({
    where: { actorId, occurredAt: { gte: before } },
    orderBy: { seq: 'asc' },
  });
  expect(events.every((e) => e.requestId === result.body?.requestId)).toBe(true);
  return { status: result.status, events };
}

/** The refusal answered `status` and left exactly one audit event, like `event`. */
function expectOneEvent(
  refusal: Awaited<ReturnType<typeof refused>>,
  status: number,
  event: Record<string, unknown>,
) {
  expect(refusal.status).toBe(status);
  expect(refusal.events).toHaveLength(1);
  expect(refusal.events[0]).toMatchObject(event);
  return refusal.events;
}

const messages = '/api/v1/patients/{patientId}/messages';

describe('a refused request on a patient-scoped route', () => {
  it('with a body that fails validation, from a caller who may see the patient: one event, with the patient', async () => {
    expectOneEvent(
      await refused('therapistOnTeam', {
        method: 'POST',
        path: messages,
        body: { body: 'a\u0000b' },
      }),
      400,
      {
        patientId: world.team.patient.id,
        action: 'create',
        resourceType: 'careTeamMessage',
        outcome: 'FAILED',
        detail: 'invalid-input',
      },
    );
  });

  it('from a caller who may not see the patient: the requested id as resourceId, never as patientId', async () => {
    expectOneEvent(
      await refused('otherOrgClinician', {
        method: 'POST',
        path: messages,
        body: { nope: true },
      }),
      400,
      {
        patientId: null,
        resourceId: world.team.patient.id,
        outcome: 'FAILED',
      },
    );
  });

  it('with a NUL in the patient id: 404, one event, a digest instead of the input', async () => {
    const hostile = `${world.team.patient.id}\u0000`;
    const events = expectOneEvent(await refused('admin', { params: { patientId: hostile } }), 404, {
      patientId: null,
      outcome: 'DENIED',
      detail: 'not-found',
    });
    expect(events[0]!.resourceId).toMatch(/^unreadable:[0-9a-f]{16}$/);
    // The same input gives the same digest: repeated attempts can be matched.
    const again = await refused('admin', { params: { patientId: hostile } });
    expect(again.events[0]!.resourceId).toBe(events[0]!.resourceId);
  });

  it('with a malformed note id on a patient the caller may see: 404, with the patient', async () => {
    const events = expectOneEvent(
      await refused('therapistOnTeam', {
        path: '/api/v1/patients/{patientId}/session-notes/{noteId}',
        params: { noteId: 'x\u0007y' },
      }),
      404,
      {
        patientId: world.team.patient.id,
        resourceType: 'sessionNote',
        outcome: 'DENIED',
        detail: 'not-found',
      },
    );
    expect(events[0]!.resourceId).toMatch(/^unreadable:/);
  });

  it('refused by the data layer (403, 404, an unknown cursor): one event, not two', async () => {
    const forbidden = await refused('admin', { path: messages });
    expect(forbidden.status).toBe(403);
    expect(forbidden.events).toHaveLength(1);
    expect(forbidden.events[0]).toMatchObject({ outcome: 'DENIED', detail: 'forbidden' });

    const outOfScope = await refused('therapistOffTeam', { path: messages });
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.events).toHaveLength(1);
    expect(outOfScope.events[0]).toMatchObject({ patientId: null, detail: 'not-found' });

    const cursor = await refused('therapistOnTeam', {
      path: messages,
      query: { cursor: randomUUID() },
    });
    expect(cursor.status).toBe(400);
    expect(cursor.events).toHaveLength(1);
    expect(cursor.events[0]).toMatchObject({ patientId: world.team.patient.id, outcome: 'FAILED' });
  });

  it('a treatment-plan save without If-Match (428) and with a date out of bounds (400) are audited', async () => {
    const path = '/api/v1/patients/{patientId}/treatment-plan';
    const missing = await refused('therapistOnTeam', { method: 'PUT', path, body: {} });
    expect(missing.status).toBe(428);
    expect(missing.events).toHaveLength(1);
    expect(missing.events[0]).toMatchObject({
      resourceType: 'treatmentPlan',
      detail: 'version-missing',
    });
    const old = await refused('therapistOnTeam', {
      path: '/api/v1/patients/{patientId}/check-ins',
      query: { from: '0001-01-01' },
    });
    expect(old.status).toBe(400);
    expect(old.events).toHaveLength(1);
    expect(old.events[0]).toMatchObject({ resourceType: 'checkIn', detail: 'invalid-input' });
  });

  it('on psychotherapy notes: recorded as psychotherapyNote, which no list shows', async () => {
    const { status, events } = await refused('therapistOnTeam', {
      method: 'POST',
      path: '/api/v1/patients/{patientId}/psychotherapy-notes',
      body: { body: 'x', sessionDate: '0001-01-01' },
    });
    expect(status).toBe(400);
    expect(events.map((e) => e.resourceType)).toEqual(['psychotherapyNote']);
  });

  it('is not audited when no one is signed in, nor on a route that names no patient', async () => {
    const anonymous = await callApi({
      method: 'POST',
      path: messages,
      params: { patientId: world.team.patient.id },
      body: { body: 'a\u0000b' },
    });
    expect(anonymous.status).toBe(401);
    const users = await callApi({
      method: 'GET',
      path: '/api/v1/users',
      cookie: world.cookies.admin,
      query: { limit: '0' },
    });
    expect(users.status).toBe(400);
    const requestIds = [anonymous.body.requestId, users.body.requestId];
    expect(await db.auditEvent.count({ where: { requestId: { in: requestIds } } })).toBe(0);
  });
});

describe('the audit noun of a refusal', () => {
  it('is known for every patient-scoped route of the registry', () => {
    const patientRoutes = apiRoutes.filter((r) =>
      r.path.startsWith('/api/v1/patients/{patientId}'),
    );
    expect(patientRoutes.length).toBeGreaterThan(20);
    for (const route of patientRoutes) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}-value`);
      expect(auditResourceOfPath(path), route.path).toBeDefined();
    }
    expect(auditResourceOfPath('/api/v1/patients/x/psychotherapy-notes')).toBe('psychotherapyNote');
  });
});
