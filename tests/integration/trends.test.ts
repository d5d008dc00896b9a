import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { markerLabel } from '@/lib/clinical/medication-wording';
import { getTrends } from '@/lib/data/trends';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import * as factories from '@/tests/factories';
import { daysFromToday } from '@/tests/factories';
import { sertralineRaised } from '@/tests/support/medication-changes';

describe('getTrends', () => {
  it('gives the period’s check-ins, scores, measures and medication changes as markers', async () => {
    const team = await factories.createCareTeam(db);
    const { patient, prescriber } = team;
    const plan = await factories.createTreatmentPlan(db, patient, prescriber);
    const panic = plan.goals.find((g) => g.measureKind === 'PERSONAL')!;
    await factories.createCheckIns(db, patient, [
      { localDate: daysFromToday(-120), mood: 1 },
      {
        localDate: daysFromToday(-20),
        mood: 4,
        sleepHours: 5.5,
        measures: [{ goalKey: panic.goalKey, value: 3 }],
      },
      { localDate: daysFromToday(-2), mood: 7, measures: [{ goalKey: panic.goalKey, value: 1 }] },
    ]);
    await factories.createAssessment(db, patient, {
      instrument: 'PHQ9',
      completedAt: daysFromToday(-100),
    });
    await factories.createAssessment(db, patient, {
      instrument: 'PHQ9',
      completedAt: daysFromToday(-10),
    });
    await factories.createAssessment(db, patient, {
      instrument: 'GAD7',
      completedAt: daysFromToday(-10),
    });
    const [mistake] = await factories
      .recordMedicationChanges(db, patient, prescriber, [
        ...sertralineRaised(-25),
        { action: 'START', medication: 'Trazodone', dose: 25, effectiveDate: daysFromToday(-15) },
      ])
      .then((changes) => [changes[2]]);
    await factories.recordMedicationChanges(db, patient, prescriber, [
      { action: 'ENTERED_IN_ERROR', correctsId: mistake!.id, effectiveDate: daysFromToday(-15) },
    ]);

    for (const viewer of [factories.viewerFor(patient), factories.viewerFor(team.therapist)]) {
      const trends = await getTrends(viewer, patient.id, 90);
      expect(trends.checkIns.map((c) => c.mood)).toEqual([4, 7]);
      expect(trends.checkIns[0]).toMatchObject({
        date: toIsoDate(daysFromToday(-20)),
        sleepHours: 5.5,
      });
      expect(trends.phq9).toHaveLength(1);
      expect(trends.gad7).toHaveLength(1);
      expect(trends.markers).toEqual([
        { date: toIsoDate(daysFromToday(-60)), label: 'Sertraline started 50 mg' },
        { date: toIsoDate(daysFromToday(-25)), label: 'Sertraline 50 → 100 mg' },
      ]);
      expect(trends.measures).toEqual([
        expect.objectContaining({
          goalKey: panic.goalKey,
          name: 'Panic attacks',
          targetValue: 1,
          points: [
            { date: toIsoDate(daysFromToday(-20)), value: 3 },
            { date: toIsoDate(daysFromToday(-2)), value: 1 },
          ],
        }),
      ]);
    }
    const year = await getTrends(factories.viewerFor(patient), patient.id, 365);
    expect(year.checkIns).toHaveLength(3);
    expect(year.phq9).toHaveLength(2);

    const events = await db.auditEvent.findMany({
      where: { actorId: patient.account.id, resourceType: 'trends' },
    });
    expect(events).toHaveLength(2);
  });

  it('refuses admins (403) and anyone out of scope (404)', async () => {
    const team = await factories.createCareTeam(db);
    const other = await factories.createCareTeam(db, { organization: team.organization });
    const elsewhere = await factories.createCareTeam(db);
    const admin = await factories.createUser(db, team.organization, { role: 'ADMIN' });
    await expect(getTrends(factories.viewerFor(admin), team.patient.id, 30)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    for (const viewer of [other.patient, other.prescriber, elsewhere.prescriber].map(
      factories.viewerFor,
    )) {
      await expect(getTrends(viewer, team.patient.id, 30)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('markerLabel', () => {
  const change = (over: Partial<Parameters<typeof markerLabel>[0]>) =>
    markerLabel({
      action: 'INCREASE',
      medication: 'Sertraline',
      dose: 100,
      unit: 'mg',
      effectiveDate: new Date(),
      previousChange: { action: 'START', dose: 50 },
      ...over,
    });
  it('says what changed', () => {
    expect(change({})).toBe('Sertraline 50 → 100 mg');
    expect(change({ action: 'DECREASE', dose: 25 })).toBe('Sertraline 50 → 25 mg');
    expect(change({ previousChange: null })).toBe('Sertraline up to 100 mg');
    expect(change({ action: 'HOLD', dose: null })).toBe('Sertraline on hold');
    expect(change({ action: 'STOP', dose: null })).toBe('Sertraline stopped');
  });
});
