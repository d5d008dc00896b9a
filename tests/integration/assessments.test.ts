import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { flagsForPatients } from '@/lib/data/flags';
import { toIsoDate } from '@/lib/format';
import {
  createAssessment,
  createCareTeam,
  createTreatmentPlan,
  daysFromToday,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const PATH = '/api/v1/patients/{patientId}/assessments';

async function setUp() {
  const team = await createCareTeam(db, { passwordHash: null });
  return { ...team, cookie: await sessionCookie(team.patient) };
}

const post = (patientId: string, cookie: string | undefined, body: unknown) =>
  callApi({ method: 'POST', path: PATH, params: { patientId }, cookie, body });

/** The patient of `t` answers `instrument` through the API. */
const answer = (t: Awaited<ReturnType<typeof setUp>>, instrument: string, answers: number[]) =>
  post(t.patient.id, t.cookie, { instrument, answers });

describe('POST /api/v1/patients/{id}/assessments', () => {
  it('scores a PHQ-9 and a GAD-7 with their severity bands', async () => {
    const t = await setUp();
    const phq = await answer(t, 'PHQ9', [2, 2, 2, 2, 1, 1, 1, 1, 0]);
    expect(phq.status).toBe(201);
    expect(phq.body.assessment).toMatchObject({
      instrument: 'PHQ9',
      score: 12,
      severity: 'moderate',
      safetyFlag: false,
    });
    const gad = await answer(t, 'GAD7', [3, 3, 3, 3, 3, 0, 0]);
    expect(gad.body.assessment).toMatchObject({ score: 15, severity: 'severe' });
    expect(await db.safetyFlag.count({ where: { patientId: t.patient.id } })).toBe(0);
  });

  it('raises a safety flag with a PHQ-9 item 9 answer above 0, in the same write', async () => {
    const t = await setUp();
    const result = await answer(t, 'PHQ9', [1, 1, 1, 1, 0, 0, 0, 0, 1]);
    expect(result.status).toBe(201);
    expect(result.body.assessment).toMatchObject({ score: 5, severity: 'mild', safetyFlag: true });
    const flags = await db.safetyFlag.findMany({ where: { patientId: t.patient.id } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      assessmentId: result.body.assessment.id,
      organizationId: t.organization.id,
      source: 'PHQ9_ITEM9',
      urgency: 'URGENT',
      status: 'OPEN',
    });
    const caseload = await db.$transaction((tx) =>
      flagsForPatients(tx, t.organization.id, [t.patient.id]),
    );
    expect(caseload.get(t.patient.id)?.[0]?.kind).toBe('SAFETY');
  });

  it.each([
    ['PHQ9', [1, 1, 1, 1, 1, 1, 1, 1], 'answers'],
    ['PHQ9', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'answers'],
    ['GAD7', [0, 0, 0, 0, 0, 0, 0, 0, 0], 'answers'],
    ['GAD7', [0, 0, 0, 4, 0, 0, 0], 'answers.3'],
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, -1], 'answers.8'],
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 1.5, 0], 'answers.7'],
    ['BDI', [0, 0, 0, 0, 0, 0, 0], 'instrument'],
  ])('answers 400 for %s %j (naming %s) and writes nothing', async (instrument, answers, path) => {
    const t = await setUp();
    const result = await post(t.patient.id, t.cookie, { instrument, answers });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await db.assessment.count({ where: { patientId: t.patient.id } })).toBe(0);
    expect(await db.safetyFlag.count({ where: { patientId: t.patient.id } })).toBe(0);
  });

  it('refuses clinicians (403), another patient (404) and another organization (404)', async () => {
    const t = await setUp();
    const other = await createCareTeam(db, { organization: t.organization, passwordHash: null });
    const elsewhere = await createCareTeam(db, { passwordHash: null });
    const body = { instrument: 'GAD7', answers: [0, 0, 0, 0, 0, 0, 0] };
    expect((await post(t.patient.id, await sessionCookie(t.prescriber), body)).status).toBe(403);
    expect((await post(t.patient.id, await sessionCookie(other.patient), body)).status).toBe(404);
    expect((await post(t.patient.id, await sessionCookie(elsewhere.therapist), body)).status).toBe(
      404,
    );
    expect(await db.assessment.count({ where: { patientId: t.patient.id } })).toBe(0);
  });
});

describe('GET /api/v1/patients/{id}/assessments', () => {
  it('lists newest first with when each is due, by the plan’s interval', async () => {
    const t = await setUp();
    await createTreatmentPlan(db, t.patient, t.prescriber, { assessmentIntervalDays: 28 });
    await createAssessment(db, t.patient, { instrument: 'PHQ9', completedAt: daysFromToday(-30) });
    const latest = await createAssessment(db, t.patient, {
      instrument: 'PHQ9',
      completedAt: daysFromToday(-10),
    });
    const result = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: t.patient.id },
      cookie: await sessionCookie(t.therapist),
    });
    expect(result.status).toBe(200);
    expect(result.body.items.map((a: { id: string }) => a.id)[0]).toBe(latest.id);
    expect(result.body.intervalDays).toBe(28);
    expect(result.body.due).toEqual([
      expect.objectContaining({
        instrument: 'PHQ9',
        dueOn: toIsoDate(daysFromToday(18)),
        isDue: false,
        lastScore: latest.score,
      }),
      expect.objectContaining({ instrument: 'GAD7', lastCompletedAt: null, isDue: true }),
    ]);

    const page = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: t.patient.id },
      query: { limit: '1' },
      cookie: t.cookie,
    });
    expect(page.body.items).toHaveLength(1);
    const next = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: t.patient.id },
      query: { limit: '1', cursor: page.body.nextCursor },
      cookie: t.cookie,
    });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
  });
});
