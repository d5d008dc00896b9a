import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { flagsForPatients } from '@/lib/data/flags';
import { toIsoDate } from '@/lib/format';
import {
  createCareTeam,
  createCheckIn,
  createTreatmentPlan,
  daysFromToday,
  recordMedicationChanges,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const PATH = '/api/v1/patients/{patientId}/check-ins';
const today = () => toIsoDate(new Date());

async function setUp() {
  const team = await createCareTeam(db, { passwordHash: null });
  const plan = await createTreatmentPlan(db, team.patient, team.prescriber, {
    therapist: team.therapist,
  });
  const measure = plan.goals.find((g) => g.measureKind === 'PERSONAL')!;
  return { ...team, plan, measure, cookie: await sessionCookie(team.patient) };
}

const post = (patientId: string, cookie: string | undefined, body: unknown) =>
  callApi({ method: 'POST', path: PATH, params: { patientId }, cookie, body });

describe('POST /api/v1/patients/{id}/check-ins', () => {
  it('records today’s check-in (201), and a second one the same day replaces it (200)', async () => {
    const t = await setUp();
    const first = await post(t.patient.id, t.cookie, {
      localDate: today(),
      mood: 4,
      sleepHours: 6.5,
      sleepQuality: 2,
      appetite: 3,
      energy: 2,
      focus: 3,
      sideEffects: [
        { name: 'Nausea', severity: 'MILD' },
        { name: 'Headache', severity: 'MODERATE' },
      ],
      measures: [{ goalKey: t.measure.goalKey, value: 2 }],
      note: 'Rough morning.',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.updated).toBe(false);
    expect(first.body.checkIn).toMatchObject({
      localDate: today(),
      mood: 4,
      sleepHours: 6.5,
      sideEffects: [
        { name: 'Headache', severity: 'MODERATE' },
        { name: 'Nausea', severity: 'MILD' },
      ],
      measures: [{ goalKey: t.measure.goalKey, name: 'Panic attacks', value: 2 }],
      note: 'Rough morning.',
    });

    const second = await post(t.patient.id, t.cookie, {
      localDate: today(),
      mood: 7,
      sideEffects: [{ name: 'Nausea', severity: 'MILD' }],
    });
    expect(second.status).toBe(200);
    expect(second.body.updated).toBe(true);
    expect(second.body.checkIn.id).toBe(first.body.checkIn.id);
    expect(second.body.checkIn).toMatchObject({
      mood: 7,
      sleepHours: null,
      note: null,
      sideEffects: [{ name: 'Nausea', severity: 'MILD' }],
      measures: [],
    });
    expect(await db.checkIn.count({ where: { patientId: t.patient.id } })).toBe(1);
    expect(await db.checkInSideEffect.count({ where: { patientId: t.patient.id } })).toBe(1);
    expect(await db.checkInMeasureValue.count({ where: { patientId: t.patient.id } })).toBe(0);

    const events = await db.auditEvent.findMany({
      where: { actorId: t.patient.account.id, resourceType: 'checkIn', action: 'create' },
    });
    expect(events.map((e) => e.resourceId)).toEqual([first.body.checkIn.id, first.body.checkIn.id]);
  });

  it('refuses clinicians on the team (403), another patient (404) and another organization (404)', async () => {
    const t = await setUp();
    const other = await createCareTeam(db, { organization: t.organization, passwordHash: null });
    const elsewhere = await createCareTeam(db, { passwordHash: null });
    const body = { localDate: today(), mood: 5 };
    expect((await post(t.patient.id, await sessionCookie(t.prescriber), body)).status).toBe(403);
    expect((await post(t.patient.id, await sessionCookie(t.therapist), body)).status).toBe(403);
    expect((await post(t.patient.id, await sessionCookie(other.patient), body)).status).toBe(404);
    expect((await post(t.patient.id, await sessionCookie(elsewhere.prescriber), body)).status).toBe(
      404,
    );
    expect((await post(t.patient.id, undefined, body)).status).toBe(401);
    expect(await db.checkIn.count({ where: { patientId: t.patient.id } })).toBe(0);
  });

  it.each([
    ['mood', { mood: 11 }],
    ['mood', { mood: -1 }],
    ['mood', { mood: 5.5 }],
    ['sleepHours', { sleepHours: 25 }],
    ['sleepHours', { sleepHours: 7.25 }],
    ['sleepQuality', { sleepQuality: 0 }],
    ['appetite', { appetite: 6 }],
    ['energy', { energy: 0 }],
    ['focus', { focus: 9 }],
    ['sideEffects.0.severity', { sideEffects: [{ name: 'Nausea', severity: 'AWFUL' }] }],
    ['sideEffects.0.name', { sideEffects: [{ name: '', severity: 'MILD' }] }],
    ['note', { note: 'x'.repeat(2001) }],
    ['localDate', { localDate: '2020-01-01' }],
  ])('answers 400 naming %s, and writes nothing', async (field, change) => {
    const t = await setUp();
    const result = await post(t.patient.id, t.cookie, { localDate: today(), mood: 5, ...change });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await db.checkIn.count({ where: { patientId: t.patient.id } })).toBe(0);
  });

  it('answers 400 for a goalKey that is not a personal measure of the current plan', async () => {
    const t = await setUp();
    const phqGoal = t.plan.goals.find((g) => g.measureKind === 'PHQ9')!;
    for (const goalKey of [phqGoal.goalKey, '2b0d6c1e-0000-4000-8000-000000000000']) {
      const result = await post(t.patient.id, t.cookie, {
        localDate: today(),
        mood: 5,
        measures: [{ goalKey, value: 1 }],
      });
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([
        { path: 'measures.0.goalKey', message: expect.any(String) },
      ]);
    }
    expect(await db.checkIn.count({ where: { patientId: t.patient.id } })).toBe(0);
    expect(await db.checkInMeasureValue.count({ where: { patientId: t.patient.id } })).toBe(0);
  });

  it('keeps an earlier check-in when an update of the same day is invalid', async () => {
    const t = await setUp();
    await post(t.patient.id, t.cookie, {
      localDate: today(),
      mood: 3,
      sideEffects: [{ name: 'Nausea', severity: 'MILD' }],
    });
    const bad = await post(t.patient.id, t.cookie, {
      localDate: today(),
      mood: 8,
      measures: [{ goalKey: '2b0d6c1e-0000-4000-8000-000000000000', value: 1 }],
    });
    expect(bad.status).toBe(400);
    const row = await db.checkIn.findFirstOrThrow({
      where: { patientId: t.patient.id },
      include: { sideEffects: true },
    });
    expect(row.mood).toBe(3);
    expect(row.sideEffects.map((s) => s.name)).toEqual(['Nausea']);
  });

  it('raises the severe side-effect flag for the care team', async () => {
    const t = await setUp();
    await recordMedicationChanges(db, t.patient, t.prescriber, [
      { action: 'START', medication: 'Sertraline', dose: 50, monitorFor: ['Nausea'] },
    ]);
    const result = await post(t.patient.id, t.cookie, {
      localDate: today(),
      mood: 3,
      sideEffects: [{ name: 'Nausea', severity: 'SEVERE' }],
    });
    expect(result.status).toBe(201);
    const flags = await db.$transaction((tx) =>
      flagsForPatients(tx, t.organization.id, [t.patient.id]),
    );
    expect(flags.get(t.patient.id)?.map((f) => f.kind)).toContain('SEVERE_SIDE_EFFECT');
  });
});

describe('GET /api/v1/patients/{id}/check-ins', () => {
  it('lets the patient and the team read a date range, newest first; admins 403', async () => {
    const t = await setUp();
    await createCheckIn(db, t.patient, { localDate: daysFromToday(-40), mood: 2 });
    await createCheckIn(db, t.patient, {
      localDate: daysFromToday(-3),
      mood: 5,
      sideEffects: [{ name: 'Headache', severity: 'MILD' }],
    });
    await createCheckIn(db, t.patient, { localDate: daysFromToday(-1), mood: 6 });
    for (const who of [t.patient, t.prescriber, t.therapist]) {
      const result = await callApi({
        method: 'GET',
        path: PATH,
        params: { patientId: t.patient.id },
        cookie: await sessionCookie(who),
      });
      expect(result.status).toBe(200);
      expect(result.body.items.map((c: { mood: number }) => c.mood)).toEqual([6, 5]);
      expect(result.body.items[1].sideEffects).toEqual([{ name: 'Headache', severity: 'MILD' }]);
    }
    const ranged = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: t.patient.id },
      query: { from: toIsoDate(daysFromToday(-60)), to: toIsoDate(daysFromToday(-30)) },
      cookie: t.cookie,
    });
    expect(ranged.body.items.map((c: { mood: number }) => c.mood)).toEqual([2]);

    const tooLong = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: t.patient.id },
      query: { from: '2020-01-01', to: '2022-01-01' },
      cookie: t.cookie,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('from');
  });
});
