import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getBrief } from '@/lib/data/brief';
import * as factories from '@/tests/factories';
import { daysFromToday } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { countStatements } from '@/tests/support/statements';

const DAY = 86_400_000;
const ago = (days: number, hours = 12) => new Date(Date.now() - days * DAY + hours * 0);


async function history(checkInDays: number) {
  const team = await factories.createCareTeam(db, { passwordHash: null });
  const { patient, prescriber, therapist } = team;
  const [, latest] = await factories.recordMedicationChanges(db, patient, prescriber, [
    { action: 'START', medication: 'Sertraline', dose: 50, unit: 'mg', createdAt: ago(40) },
    {
      action: 'INCREASE',
      medication: 'Sertraline',
      dose: 100,
      unit: 'mg',
      createdAt: ago(5),
      reason: 'Partial response at 50 mg.',
      monitorFor: ['Sleep changes'],
      noteForCareTeam: 'Sam, watch sleep over the next two weeks.',
    },
  ]);
  await factories.createCheckIns(
    db,
    patient,
    Array.from({ length: checkInDays }, (_, i) => ({
      localDate: daysFromToday(-i - 1),
      createdAt: ago(i + 1),
      mood: i < 7 ? 7 : 5,
      sleepHours: 6,
      sideEffects: i < 3 ? [{ name: 'Insomnia', severity: i === 0 ? 'MODERATE' : 'MILD' }] : [],
    })),
  );
  for (const [days, answers] of [
    [60, [2, 2, 2, 2, 2, 2, 2, 2, 0]],
    [20, [2, 2, 2, 1, 1, 1, 1, 1, 0]],
    [2, [1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ] as const) {
    await factories.createAssessment(db, patient, {
      instrument: 'PHQ9',
      answers: [...answers],
      completedAt: ago(days),
    });
  }
  const plan = await factories.createTreatmentPlan(db, patient, therapist, { createdAt: ago(50) });
  await factories.addTreatmentPlanVersion(db, plan.plan, prescriber, {
    createdAt: ago(4),
    changeSummary: 'Added a sleep goal.',
  });
  await factories.createSessionNote(db, patient, therapist, {
    status: 'SIGNED',
    signedAt: ago(10),
    createdAt: ago(10),
  });
  await factories.createMessage(db, patient, prescriber, {
    body: 'Old message.',
    createdAt: ago(12),
  });
  await factories.createMessage(db, patient, prescriber, {
    body: 'Increased sertraline today.',
    createdAt: ago(5),
  });
  await factories.createPsychotherapyNote(db, patient, therapist, { body: 'PSYNOTE-MARKER-brief' });
  return { ...team, latest: latest! };
}

describe('the before-session brief', () => {
  it('defaults to the viewer’s last signed note and holds what changed since', async () => {
    const h = await history(30);
    const brief = await getBrief(factories.viewerFor(h.therapist), h.patient.id);
    expect(brief.sinceSource).toBe('LAST_SIGNED_NOTE');
    expect(Date.parse(brief.since)).toBeCloseTo(ago(10).getTime(), -4);

    expect(brief.medicationChanges).toEqual([
      expect.objectContaining({
        id: h.latest.id,
        action: 'INCREASE',
        dose: 100,
        noteForCareTeam: 'Sam, watch sleep over the next two weeks.',
        monitorFor: ['Sleep changes'],
      }),
    ]);
    expect(brief.messages.map((m) => m.body)).toEqual(['Increased sertraline today.']);
    expect(brief.planChanges).toEqual([
      expect.objectContaining({ version: 2, changeSummary: 'Added a sleep goal.' }),
    ]);
    expect(brief.sideEffects).toEqual([
      expect.objectContaining({ name: 'Insomnia', reports: 3, worst: 'MODERATE' }),
    ]);
    expect(brief.sideEffects[0]!.series.map((p) => p.severity)).toEqual([
      'MILD',
      'MILD',
      'MODERATE',
    ]);

    const phq = brief.assessments.find((a) => a.instrument === 'PHQ9')!;
    expect(phq.latest).toMatchObject({ score: 9, severity: 'mild' });
    expect(phq.previous).toMatchObject({ score: 11, severity: 'moderate' });
    expect(phq.baseline).toMatchObject({ score: 16, severity: 'moderately severe' });
    expect(phq).toMatchObject({
      changeFromPrevious: -2,
      changeFromBaseline: -7,
      newInPeriod: true,
    });
    expect(brief.openSafetyFlags).toHaveLength(1);

    // 11 days (10 back to today); check-ins on the 10 days before today; today none yet.
    expect(brief.checkIns).toMatchObject({ days: 11, count: 10, missedDays: 1 });
    expect(brief.checkIns.averages.sleepHours).toBe(6);
    expect(brief.checkIns.previous.count).toBe(11);
    expect(JSON.stringify(brief)).not.toContain('PSYNOTE-MARKER');

    // The prescriber has no signed note: 30 days back.
    const byPrescriber = await getBrief(factories.viewerFor(h.prescriber), h.patient.id);
    expect(byPrescriber.sinceSource).toBe('DEFAULT_30_DAYS');
    expect(byPrescriber.messages).toHaveLength(2);
  });

  it('takes `since` from the query, shows the last change before it, and refuses a bad one', async () => {
    const h = await history(5);
    const cookie = await sessionCookie(h.therapist);
    const call = (query: Record<string, string>) =>
      callApi({
        method: 'GET',
        path: '/api/v1/patients/{patientId}/brief',
        params: { patientId: h.patient.id },
        query,
        cookie,
      });
    const recent = await call({ since: ago(1).toISOString() });
    expect(recent.status).toBe(200);
    expect(recent.body.sinceSource).toBe('QUERY');
    expect(recent.body.medicationChanges).toEqual([]);
    expect(recent.body.lastChangeBefore).toMatchObject({ id: h.latest.id });
    expect((await call({ since: 'last tuesday' })).status).toBe(400);
    expect((await call({ since: '2026-01-01', extra: '1' })).status).toBe(400);
  });

  it('answers only clinicians on the team', async () => {
    const h = await history(1);
    const admin = await factories.createUser(db, h.organization, {
      role: 'ADMIN',
      passwordHash: null,
    });
    const outsider = await factories.createUser(db, h.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    const status = async (who: Parameters<typeof sessionCookie>[0]) =>
      (
        await callApi({
          method: 'GET',
          path: '/api/v1/patients/{patientId}/brief',
          params: { patientId: h.patient.id },
          cookie: await sessionCookie(who),
        })
      ).status;
    expect(await status(h.patient)).toBe(403);
    expect(await status(admin)).toBe(403);
    expect(await status(outsider)).toBe(404);
    expect(await status(h.prescriber)).toBe(200);
  });

  it('costs the same number of queries for a short and a long history', async () => {
    const short = await history(3);
    const long = await history(400);
    const count = async (h: Awaited<ReturnType<typeof history>>) => {
      await getBrief(factories.viewerFor(h.therapist), h.patient.id);
      const { statements } = await countStatements(() =>
        getBrief(factories.viewerFor(h.therapist), h.patient.id),
      );
      return statements.length;
    };
    const a = await count(short);
    const b = await count(long);
    expect(a).toBe(b);
    expect(a).toBeGreaterThan(8);
    expect(a).toBeLessThan(25);
  });
});
