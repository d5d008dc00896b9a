import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getMyCareSummary } from '@/lib/data/my-care';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import * as factories from '@/tests/factories';
import { sertralineRaised } from '@/tests/support/medication-changes';
import { readEvents } from '@/tests/support/audit';
import { daysFromToday } from '@/tests/factories';

describe('getMyCareSummary', () => {
  it('shows the patient’s latest plan, current medications and active care team', async () => {
    const team = await factories.createCareTeam(db);
    const { organization, prescriber, therapist, patient } = team;
    const former = await factories.createUser(db, organization, {
      role: 'THERAPIST',
      name: 'Former Therapist',
    });
    await factories.addToCareTeam(db, patient, former, {
      startedAt: daysFromToday(-200),
      endedAt: daysFromToday(-100),
    });

    const { plan } = await factories.createTreatmentPlan(db, patient, prescriber, { therapist });
    await factories.addTreatmentPlanVersion(db, plan, therapist, {
      patientGoalsOwnWords: 'Sleep through the night and take the bus to work again.',
      reviewBy: daysFromToday(45),
    });

    await factories.recordMedicationChanges(db, patient, prescriber, [
      ...sertralineRaised(-20, {
        patientExplanation: 'Your mood is better but not there yet, so we raised the dose.',
      }),
      { action: 'START', medication: 'Trazodone', dose: 25, effectiveDate: daysFromToday(-30) },
      {
        action: 'HOLD',
        medication: 'Trazodone',
        effectiveDate: daysFromToday(-5),
        patientExplanation: 'Pause it while we see whether you sleep well without it.',
      },
      { action: 'START', medication: 'Bupropion', dose: 150, effectiveDate: daysFromToday(-90) },
      { action: 'STOP', medication: 'Bupropion', effectiveDate: daysFromToday(-70) },
    ]);

    const summary = await getMyCareSummary(factories.viewerFor(patient));

    expect(summary.patientId).toBe(patient.id);
    expect(summary.plan).toMatchObject({
      version: 2,
      patientGoalsOwnWords: 'Sleep through the night and take the bus to work again.',
      reviewBy: toIsoDate(daysFromToday(45)),
    });
    expect(summary.plan?.goals.length).toBeGreaterThan(0);
    expect(summary.plan?.interventions.map((i) => i.owner?.name)).toEqual([
      prescriber.name,
      therapist.name,
    ]);

    expect(summary.medications).toEqual([
      expect.objectContaining({
        medication: 'Sertraline',
        status: 'ACTIVE',
        dose: 100,
        unit: 'mg',
        since: toIsoDate(daysFromToday(-20)),
        explanation: 'Your mood is better but not there yet, so we raised the dose.',
        prescriberName: prescriber.name,
      }),
      expect.objectContaining({
        medication: 'Trazodone',
        status: 'HELD',
        since: toIsoDate(daysFromToday(-5)),
        explanation: 'Pause it while we see whether you sleep well without it.',
      }),
    ]);

    expect(summary.careTeam.map((m) => m.id).sort()).toEqual([prescriber.id, therapist.id].sort());
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('says when each questionnaire is due, the last scores, the last change and recent moods', async () => {
    const team = await factories.createCareTeam(db);
    const { patient, prescriber } = team;
    await factories.createTreatmentPlan(db, patient, prescriber, { assessmentIntervalDays: 28 });
    await factories.recordMedicationChanges(db, patient, prescriber, [...sertralineRaised(-20)]);
    await factories.createAssessment(db, patient, {
      instrument: 'PHQ9',
      answers: [1, 1, 1, 1, 1, 1, 1, 0, 0],
      completedAt: daysFromToday(-7),
    });
    await factories.createCheckIns(db, patient, [
      { localDate: daysFromToday(-30), mood: 2 },
      { localDate: daysFromToday(-3), mood: 5 },
      { localDate: daysFromToday(0), mood: 6 },
    ]);

    const summary = await getMyCareSummary(factories.viewerFor(patient));
    expect(summary.assessmentIntervalDays).toBe(28);
    expect(summary.assessments).toEqual([
      expect.objectContaining({
        instrument: 'PHQ9',
        isDue: false,
        dueOn: toIsoDate(daysFromToday(21)),
        lastScore: 7,
        lastSeverity: 'mild',
      }),
      expect.objectContaining({ instrument: 'GAD7', isDue: true, lastScore: null }),
    ]);
    expect(summary.medications[0]?.lastChange).toBe('Dose raised from 50 mg to 100 mg');
    expect(summary.trend.mood.map((p) => p.value)).toEqual([5, 6]);
    expect(summary.trend.recentCheckInDates).toEqual([toIsoDate(daysFromToday(0))]);
    expect(summary.trend.lastCheckIn).toBe(toIsoDate(daysFromToday(0)));
  });

  it('contains only the viewer’s own record', async () => {
    const mine = await factories.createCareTeam(db);
    const theirs = await factories.createCareTeam(db, { organization: mine.organization });
    await factories.createTreatmentPlan(db, theirs.patient, theirs.prescriber, {
      patientGoalsOwnWords: 'Someone else’s words.',
    });
    await factories.recordMedicationChanges(db, theirs.patient, theirs.prescriber, [
      { action: 'START', medication: 'Lithium', dose: 300 },
    ]);

    const summary = await getMyCareSummary(factories.viewerFor(mine.patient));
    expect(summary.patientId).toBe(mine.patient.id);
    expect(summary.plan).toBeNull();
    expect(summary.medications).toEqual([]);
    expect(JSON.stringify(summary)).not.toContain('Lithium');
    expect(summary.careTeam.map((m) => m.id)).not.toContain(theirs.prescriber.id);
  });

  it('never crosses organizations, even with a patient id from elsewhere', async () => {
    const home = await factories.createOrganization(db);
    const away = await factories.createCareTeam(db);
    const patient = await factories.createPatient(db, home);
    const forged = { ...factories.viewerFor(patient), patientId: away.patient.id };
    await expect(getMyCareSummary(forged)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers with empty parts when nothing is recorded yet', async () => {
    const organization = await factories.createOrganization(db);
    const patient = await factories.createPatient(db, organization);
    const summary = await getMyCareSummary(factories.viewerFor(patient));
    expect(summary).toMatchObject({ plan: null, medications: [], careTeam: [] });
  });

  it('writes one audit event naming the patient', async () => {
    const { patient } = await factories.createCareTeam(db);
    await getMyCareSummary(factories.viewerFor(patient));
    const events = await readEvents(patient.account.id, 'careSummary', 'ALLOWED');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ patientId: patient.id, actorRole: 'PATIENT' });
  });

  it('refuses clinicians and admins with ForbiddenError, and audits the denial', async () => {
    const { organization, prescriber, therapist } = await factories.createCareTeam(db);
    const admin = await factories.createUser(db, organization, { role: 'ADMIN' });
    for (const user of [prescriber, therapist, admin]) {
      await expect(getMyCareSummary(factories.viewerFor(user))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(await readEvents(user.id, 'careSummary', 'DENIED')).toHaveLength(1);
    }
  });
});
