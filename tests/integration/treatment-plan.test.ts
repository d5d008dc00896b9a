import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { flagsForPatients } from '@/lib/data/flags';
import { StalePlanProblem } from '@/lib/schemas/treatment-plan';
import {
  addToCareTeam,
  createAssessment,
  createCareTeam,
  createCheckIns,
  createUser,
  daysFromToday,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const BASE = '/api/v1/patients/{patientId}/treatment-plan';

function body(team: CareTeam, extra: Record<string, unknown> = {}) {
  return {
    presentingConcerns: 'Low mood and panic attacks since the move.',
    patientGoalsOwnWords: 'Ride the bus again.',
    reviewBy: '2030-03-31',
    assessmentIntervalDays: 14,
    goals: [
      {
        description: 'PHQ-9 below 5',
        status: 'ACTIVE',
        measureKind: 'PHQ9',
        direction: 'AT_MOST',
        targetValue: 4,
        targetDate: '2030-01-31',
      },
      {
        description: 'Fewer panic attacks',
        status: 'ACTIVE',
        measureKind: 'PERSONAL',
        measureName: 'Panic attacks',
        measureUnit: 'per week',
        direction: 'AT_MOST',
        targetValue: 1,
      },
      { description: 'Back at choir', status: 'ACTIVE', measureKind: 'NONE' },
    ],
    interventions: [
      {
        kind: 'MEDICATION_MANAGEMENT',
        description: 'Sertraline titration',
        ownerId: team.prescriber.id,
        frequency: 'Every 4 weeks',
      },
      { kind: 'CBT', description: 'Panic CBT', ownerId: team.therapist.id, frequency: 'Weekly' },
    ],
    ...extra,
  };
}

async function world() {
  const team = await createCareTeam(db, { passwordHash: null });
  const cookies = {
    patient: await sessionCookie(team.patient),
    prescriber: await sessionCookie(team.prescriber),
    therapist: await sessionCookie(team.therapist),
  };
  const params = { patientId: team.patient.id };
  const get = (cookie = cookies.therapist) =>
    callApi({ method: 'GET', path: BASE, params, cookie });
  const put = (ifMatch: string | null, payload: unknown, cookie = cookies.therapist) =>
    callApi({
      method: 'PUT',
      path: BASE,
      params,
      cookie,
      body: payload,
      headers: ifMatch === null ? {} : { 'If-Match': ifMatch },
    });
  /** A page of the plan's versions, as the patient by default. */
  const versions = (query: Record<string, string>, cookie = cookies.patient) =>
    callApi({ method: 'GET', path: `${BASE}/versions`, params, cookie, query });
  /** The differences between two versions, as the therapist by default. */
  const diff = (from: string, to: string, cookie = cookies.therapist) =>
    callApi({ method: 'GET', path: `${BASE}/diff`, params, cookie, query: { from, to } });
  return { team, cookies, params, get, put, versions, diff };
}

async function currentVersion(patientId: string): Promise<number> {
  const plan = await db.treatmentPlan.findFirst({ where: { patientId } });
  return plan?.currentVersion ?? 0;
}

describe('GET and PUT /treatment-plan', () => {
  it('answers 200 with plan null and ETag "0" before the first version', async () => {
    const w = await world();
    const result = await w.get(w.cookies.patient);
    expect(result.status).toBe(200);
    expect(result.headers.get('etag')).toBe('"0"');
    expect(result.body).toMatchObject({ version: 0, plan: null, progress: [], acknowledged: null });
    expect(result.body.careTeam.map((c: { id: string }) => c.id).sort()).toEqual(
      [w.team.prescriber.id, w.team.therapist.id].sort(),
    );
  });

  it('writes the first version with If-Match "0", then each save the next version', async () => {
    const w = await world();
    const first = await w.put('"0"', body(w.team));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({
      version: 1,
      changeSummary: 'First version of the plan.',
      author: { id: w.team.therapist.id },
    });
    // Scores are named for their instrument; a score goal has no unit.
    expect(first.body.goals[0]).toMatchObject({ measureName: 'PHQ-9', measureUnit: null });
    expect(first.body.interventions[0].owner).toMatchObject({ id: w.team.prescriber.id });

    const read = await w.get(w.cookies.prescriber);
    expect(read.headers.get('etag')).toBe('"1"');
    const [phq, panic, choir] = read.body.plan.goals;

    // The body is the whole plan: goals sent with their key continue, a new one gets a key,
    // one left out is gone.
    const second = await w.put(
      '"1"',
      body(w.team, {
        goals: [
          { ...panic, targetValue: 2 },
          { ...phq },
          { description: 'Sleep 7 hours', status: 'ACTIVE', measureKind: 'NONE' },
        ],
      }),
      w.cookies.prescriber,
    );
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.headers.get('etag')).toBe('"2"');
    const keys = second.body.goals.map((g: { goalKey: string }) => g.goalKey);
    expect(keys.slice(0, 2)).toEqual([panic.goalKey, phq.goalKey]);
    expect(keys[2]).not.toBe(choir.goalKey);
    expect(second.body.changeSummary).toContain('Added goal “Sleep 7 hours”');
    expect(second.body.changeSummary).toContain('Removed goal “Back at choir”');
    expect(second.body.changeSummary).toContain('Changed the target of goal “Fewer panic attacks”');

    const third = await w.put('"2"', body(w.team, { changeSummary: 'Agreed in session.' }));
    expect(third.body).toMatchObject({ version: 3, changeSummary: 'Agreed in session.' });
    expect(await currentVersion(w.team.patient.id)).toBe(3);
  });

  it('needs If-Match (428), refuses a stale or malformed one (412) and writes nothing', async () => {
    const w = await world();
    await w.put('"0"', body(w.team));
    const missing = await w.put(null, body(w.team));
    expect(missing.status).toBe(428);
    const stale = await w.put('"0"', body(w.team));
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ status: 412, currentVersion: 1 });
    expect(stale.headers.get('etag')).toBe('"1"');
    const ahead = await w.put('"5"', body(w.team));
    expect(ahead.status).toBe(412);
    for (const malformed of ['*', '1', 'W/"1"', '"one"']) {
      const refused = await w.put(malformed, body(w.team));
      expect(refused.status).toBe(412);
      // The published 412 fits a malformed header too (no currentVersion to name).
      expect(StalePlanProblem.safeParse(refused.body).success).toBe(true);
    }
    expect(await currentVersion(w.team.patient.id)).toBe(1);
    expect(await db.treatmentPlanVersion.count({ where: { patientId: w.team.patient.id } })).toBe(
      1,
    );
    const failed = await db.auditEvent.count({
      where: { patientId: w.team.patient.id, action: 'update', outcome: 'FAILED' },
    });
    // Every refusal is audited once: the two stale ones by the save (they reached the plan), the
    // missing and the four malformed headers by the API wrapper, before any patient data is read.
    expect(failed).toBe(7);
  });

  it('refuses a patient (403) and anyone out of scope (404)', async () => {
    const w = await world();
    expect((await w.put('"0"', body(w.team), w.cookies.patient)).status).toBe(403);
    const other = await createCareTeam(db, {
      organization: w.team.organization,
      passwordHash: null,
    });
    expect((await w.put('"0"', body(w.team), await sessionCookie(other.prescriber))).status).toBe(
      404,
    );
    expect(await currentVersion(w.team.patient.id)).toBe(0);
  });

  it('refuses an owner who is not an active clinician of this team, naming the field', async () => {
    const w = await world();
    const org = w.team.organization;
    const offTeam = await createUser(db, org, { role: 'THERAPIST', passwordHash: null });
    const former = await createUser(db, org, { role: 'PRESCRIBER', passwordHash: null });
    await addToCareTeam(db, w.team.patient, former, { endedAt: daysFromToday(-1) });
    const admin = await createUser(db, org, { role: 'ADMIN', passwordHash: null });
    await addToCareTeam(db, w.team.patient, admin);
    for (const owner of [offTeam, former, admin, w.team.patient.account]) {
      const payload = body(w.team);
      payload.interventions[1]!.ownerId = owner.id;
      const result = await w.put('"0"', payload);
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([
        { path: 'interventions.1.ownerId', message: expect.any(String) },
      ]);
    }
    expect(await currentVersion(w.team.patient.id)).toBe(0);
  });

  it.each([
    [
      'a PHQ-9 target above 27',
      { measureKind: 'PHQ9', direction: 'AT_MOST', targetValue: 28 },
      'targetValue',
    ],
    [
      'a GAD-7 target above 21',
      { measureKind: 'GAD7', direction: 'AT_MOST', targetValue: 22 },
      'targetValue',
    ],
    [
      'a fractional score',
      { measureKind: 'PHQ9', direction: 'AT_MOST', targetValue: 4.5 },
      'targetValue',
    ],
    ['a score without target', { measureKind: 'GAD7', direction: 'AT_MOST' }, 'targetValue'],
    [
      'a personal measure without unit',
      { measureKind: 'PERSONAL', measureName: 'Runs', direction: 'AT_LEAST', targetValue: 3 },
      'measureUnit',
    ],
    [
      'a personal measure without name',
      { measureKind: 'PERSONAL', measureUnit: 'per week', direction: 'AT_LEAST', targetValue: 3 },
      'measureName',
    ],
    [
      'a personal measure without direction',
      { measureKind: 'PERSONAL', measureName: 'Runs', measureUnit: 'per week', targetValue: 3 },
      'direction',
    ],
    ['a target without a measure', { measureKind: 'NONE', targetValue: 3 }, 'targetValue'],
    [
      'a negative target',
      {
        measureKind: 'PERSONAL',
        measureName: 'Runs',
        measureUnit: 'per week',
        direction: 'AT_LEAST',
        targetValue: -1,
      },
      'targetValue',
    ],
    [
      'an unknown goalKey',
      { measureKind: 'NONE', goalKey: '6f1c2b9e-2d4a-4c3b-9a8e-1f2e3d4c5b6a' },
      'goalKey',
    ],
  ])('refuses %s with a 400 on the field', async (_, goal, field) => {
    const w = await world();
    const payload = body(w.team, {
      goals: [{ description: 'A goal', status: 'ACTIVE', ...goal }],
    });
    const result = await w.put('"0"', payload);
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { path: string }) => e.path)).toEqual([`goals.0.${field}`]);
    expect(await currentVersion(w.team.patient.id)).toBe(0);
  });

  it('refuses unknown fields, bad dates, empty concerns and too many goals', async () => {
    const w = await world();
    const cases: [Record<string, unknown>, string][] = [
      [{ extra: 1 }, 'extra'],
      [{ reviewBy: '2030-02-30' }, 'reviewBy'],
      [{ presentingConcerns: '   ' }, 'presentingConcerns'],
      [{ assessmentIntervalDays: 3 }, 'assessmentIntervalDays'],
      [{ goals: Array.from({ length: 21 }, () => body(w.team).goals[2]) }, 'goals'],
    ];
    for (const [extra, path] of cases) {
      const result = await w.put('"0"', body(w.team, extra));
      expect(result.status).toBe(400);
      expect(result.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const missing = body(w.team);
    delete (missing as Partial<typeof missing>).interventions;
    expect((await w.put('"0"', missing)).status).toBe(400);
  });

  it('computes progress toward measurable goals from assessments and check-ins', async () => {
    const w = await world();
    const saved = await w.put('"0"', body(w.team));
    const [, panic] = saved.body.goals;
    for (const [offset, answers] of [
      [-42, [2, 2, 2, 2, 2, 2, 1, 1, 0]],
      [-28, [2, 1, 2, 1, 1, 1, 1, 1, 0]],
      [-14, [1, 1, 1, 1, 1, 1, 0, 0, 0]],
      [-1, [1, 1, 0, 1, 0, 0, 0, 0, 0]],
    ] as const) {
      await createAssessment(db, w.team.patient, {
        answers: [...answers],
        completedAt: daysFromToday(offset),
      });
    }
    await createCheckIns(
      db,
      w.team.patient,
      [-20, -19, -16, -6, -2].map((offset, i) => ({
        localDate: daysFromToday(offset),
        measures: [{ goalKey: panic.goalKey, value: [2, 1, 2, 1, 0][i]! }],
      })),
    );
    const read = await w.get(w.cookies.patient);
    expect(read.body.progress).toHaveLength(2);
    const [phqProgress, panicProgress] = read.body.progress;
    expect(phqProgress).toMatchObject({
      basis: 'assessment',
      latest: { value: 3 },
      met: true,
      trend: 'improving',
    });
    expect(phqProgress.points.map((p: { value: number }) => p.value)).toEqual([14, 10, 6, 3]);
    expect(panicProgress).toMatchObject({ basis: 'weekly', latest: { value: 1 }, met: true });
  });
});

describe('versions and differences', () => {
  it('lists versions newest first, a page at a time, and compares any two', async () => {
    const w = await world();
    await w.put('"0"', body(w.team));
    await w.put('"1"', body(w.team, { reviewBy: null }));
    await w.put('"2"', body(w.team, { reviewBy: null, assessmentIntervalDays: 28 }));
    const page = await w.versions({ limit: '2' });
    expect(page.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    expect(page.body.nextCursor).toBe('2');
    const next = await w.versions({ cursor: '2' });
    expect(next.body).toMatchObject({ items: [{ version: 1 }], nextCursor: null });

    const one = await callApi({
      method: 'GET',
      path: `${BASE}/versions/{version}`,
      params: { ...w.params, version: '1' },
      cookie: w.cookies.prescriber,
    });
    expect(one.body).toMatchObject({ version: 1, reviewBy: '2030-03-31' });
    for (const version of ['4', '0', 'x', '1.5']) {
      const missing = await callApi({
        method: 'GET',
        path: `${BASE}/versions/{version}`,
        params: { ...w.params, version },
        cookie: w.cookies.prescriber,
      });
      expect(missing.status).toBe(404);
    }

    const diff = await w.diff('1', '3');
    expect(diff.status).toBe(200);
    expect(diff.body.fields).toEqual([
      { field: 'reviewBy', before: '2030-03-31', after: null },
      { field: 'assessmentIntervalDays', before: 14, after: 28 },
    ]);
    const backwards = await w.diff('3', '1');
    expect(backwards.body.fields[0]).toEqual({
      field: 'reviewBy',
      before: null,
      after: '2030-03-31',
    });
    for (const query of [{ from: '1', to: '9' }, { from: '1' }, { from: 'a', to: '1' }]) {
      const bad = await callApi({
        method: 'GET',
        path: `${BASE}/diff`,
        params: w.params,
        cookie: w.cookies.therapist,
        query: query as Record<string, string>,
      });
      expect(bad.status).toBe('to' in query && query.to === '9' ? 404 : 400);
    }
  });

  it('shows nothing of another patient’s plan', async () => {
    const w = await world();
    await w.put('"0"', body(w.team));
    const other = await createCareTeam(db, {
      organization: w.team.organization,
      passwordHash: null,
    });
    const cookie = await sessionCookie(other.patient);
    for (const path of [BASE, `${BASE}/versions`, `${BASE}/comments`]) {
      const result = await callApi({ method: 'GET', path, params: w.params, cookie });
      expect(result.status).toBe(404);
      expect(result.text).not.toContain('panic');
    }
  });
});

describe('the patient’s part in the plan', () => {
  it('acknowledges the current version, idempotently, and never an old one', async () => {
    const w = await world();
    await w.put('"0"', body(w.team));
    const ack = (version: number) =>
      callApi({
        method: 'POST',
        path: `${BASE}/acknowledgements`,
        params: w.params,
        cookie: w.cookies.patient,
        body: { version },
      });
    const first = await ack(1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1 });
    const again = await ack(1);
    expect(again.body).toEqual(first.body);
    expect(await db.planAcknowledgement.count({ where: { patientId: w.team.patient.id } })).toBe(1);

    await w.put('"1"', body(w.team, { reviewBy: null }));
    const read = await w.get(w.cookies.patient);
    expect(read.body.acknowledged).toMatchObject({ version: 1 });
    const stale = await ack(1);
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([{ path: 'version', message: expect.any(String) }]);
    expect((await ack(2)).status).toBe(200);
    expect((await w.get(w.cookies.patient)).body.acknowledged).toMatchObject({ version: 2 });
  });

  it('takes comments from the patient and replies from the team, newest first', async () => {
    const w = await world();
    const post = (cookie: string, text: string) =>
      callApi({
        method: 'POST',
        path: `${BASE}/comments`,
        params: w.params,
        cookie,
        body: { body: text },
      });
    expect((await post(w.cookies.patient, 'Too early.')).status).toBe(404);
    await w.put('"0"', body(w.team));
    const mine = await post(w.cookies.patient, '  Could weekends be later?  ');
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ version: 1, body: 'Could weekends be later?' });
    expect((await post(w.cookies.therapist, 'Yes, up to an hour.')).status).toBe(201);
    expect((await post(w.cookies.patient, '   ')).status).toBe(400);
    expect((await post(w.cookies.patient, 'x'.repeat(2001))).status).toBe(400);
    const list = await callApi({
      method: 'GET',
      path: `${BASE}/comments`,
      params: w.params,
      cookie: w.cookies.prescriber,
    });
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual([
      'Yes, up to an hour.',
      'Could weekends be later?',
    ]);
    expect(list.body.items[1].author).toMatchObject({ role: 'PATIENT' });
  });

  it('asks for a review, which flags the caseload until a clinician resolves it', async () => {
    const w = await world();
    const ask = (payload: unknown) =>
      callApi({
        method: 'POST',
        path: `${BASE}/review-requests`,
        params: w.params,
        cookie: w.cookies.patient,
        body: payload,
      });
    expect((await ask({ reason: 'TOO_COSTLY' })).status).toBe(404);
    await w.put('"0"', body(w.team));
    expect((await ask({ reason: 'BORING' })).status).toBe(400);
    expect((await ask({ reason: 'OTHER', detail: 'x'.repeat(2001) })).status).toBe(400);
    const flagged = async () =>
      (await flagsForPatients(db, w.team.organization.id, [w.team.patient.id]))
        .get(w.team.patient.id)!
        .map((f) => f.kind);
    expect(await flagged()).not.toContain('REVIEW_REQUESTED');

    const asked = await ask({ reason: 'TOO_COSTLY', detail: 'Copays add up.' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      reason: 'TOO_COSTLY',
      detail: 'Copays add up.',
      resolvedAt: null,
    });
    expect(await flagged()).toContain('REVIEW_REQUESTED');
    expect((await w.get(w.cookies.prescriber)).body.openReviewRequests).toHaveLength(1);

    const resolve = (cookie: string) =>
      callApi({
        method: 'POST',
        path: `${BASE}/review-requests/{requestId}/resolve`,
        params: { ...w.params, requestId: asked.body.id },
        cookie,
      });
    expect((await resolve(w.cookies.patient)).status).toBe(403);
    const done = await resolve(w.cookies.prescriber);
    expect(done.status).toBe(200);
    expect(done.body.resolvedBy).toMatchObject({ id: w.team.prescriber.id });
    expect(await flagged()).not.toContain('REVIEW_REQUESTED');
    expect((await resolve(w.cookies.therapist)).status).toBe(409);

    const other = await createCareTeam(db, {
      organization: w.team.organization,
      passwordHash: null,
    });
    const foreign = await callApi({
      method: 'POST',
      path: `${BASE}/review-requests/{requestId}/resolve`,
      params: { patientId: other.patient.id, requestId: asked.body.id },
      cookie: await sessionCookie(other.prescriber),
    });
    expect(foreign.status).toBe(404);
  });
});
