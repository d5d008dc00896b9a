// A client edits the treatment plan by round trip: GET, change one thing, PUT back what it got.
// The read-only members GET answers (`readOnly` in the document) are ignored by the PUT; any
// other unknown member is still refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { answerSchema } from '@/lib/api/openapi';
import { apiRoutes } from '@/lib/api/registry';
import { createCareTeam, type CareTeam } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { planBody } from '@/tests/integration/matrix/treatment-plan';
import { expectPublished } from '@/tests/support/matrix';

const PLAN = '/api/v1/patients/{patientId}/treatment-plan';

describe('PUT /treatment-plan of what GET answered', () => {
  let team: CareTeam;
  let cookie: string;
  const call = (method: 'GET' | 'PUT', extra: { body?: unknown; ifMatch?: string } = {}) =>
    callApi({
      method,
      path: PLAN,
      params: { patientId: team.patient.id },
      cookie,
      body: extra.body,
      headers: extra.ifMatch ? { 'If-Match': extra.ifMatch } : {},
    });

  beforeAll(async () => {
    team = await createCareTeam(db, { passwordHash: null });
    cookie = await sessionCookie(team.therapist);
    const first = await call('PUT', {
      body: planBody({ team }, 'First version.'),
      ifMatch: '"0"',
    });
    expect(first.status).toBe(200);
  });

  it('saves the plan sent back with one goal changed, ignoring its read-only members', async () => {
    const got = await call('GET');
    const plan = got.body.plan;
    expect(plan).toMatchObject({ version: 1, author: { id: team.therapist.id } });
    expect(plan.interventions[0].owner).toMatchObject({ id: team.therapist.id });
    plan.goals[0].description = 'PHQ-9 below 5 by spring.';

    const saved = await call('PUT', { body: plan, ifMatch: got.headers.get('etag')! });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, author: { id: team.therapist.id } });
    expect(saved.body.goals[0]).toMatchObject({
      goalKey: plan.goals[0].goalKey,
      description: 'PHQ-9 below 5 by spring.',
    });
    expect(saved.body.interventions).toEqual(plan.interventions);
  });

  it('still refuses a member that is not the plan’s, and writes nothing', async () => {
    const got = await call('GET');
    const refused = await call('PUT', {
      body: { ...got.body.plan, colour: 'blue' },
      ifMatch: got.headers.get('etag')!,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'colour', message: 'Unknown field.' }]);
    expect((await call('GET')).body.version).toBe(got.body.version);
  });

  it('answers a stale save with the 412 problem its definition publishes', async () => {
    const got = await call('GET');
    const stale = await call('PUT', { body: got.body.plan, ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    const route = apiRoutes.find((r) => r.method === 'PUT' && r.path === PLAN)!;
    expectPublished(answerSchema(route, 412), stale.body, 412);
    expect(stale.body.currentVersion).toBe(got.body.version);
  });
});
