import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { flagsForPatients } from '@/lib/data/flags';
import * as factories from '@/tests/factories';
import { daysFromToday } from '@/tests/factories';

describe('flagsForPatients', () => {
  it('gathers every flag of several patients in one query, inside their organization', async () => {
    const { organization, prescriber, patient } = await factories.createCareTeam(db);
    const calm = await factories.createPatient(db, organization);
    await factories.createCheckIn(db, calm, { localDate: daysFromToday(-1) });

    await factories.createCheckIn(db, patient, {
      localDate: daysFromToday(-20),
      sideEffects: [{ name: 'insomnia', severity: 'SEVERE' }],
    });
    await factories.createCheckIn(db, patient, {
      localDate: daysFromToday(-2),
      sideEffects: [{ name: 'nausea', severity: 'SEVERE' }],
    });
    await factories.createAssessment(db, patient, {
      answers: [1, 1, 1, 1, 1, 0, 0, 0, 0],
      completedAt: daysFromToday(-14),
    });
    await factories.createAssessment(db, patient, {
      answers: [2, 2, 2, 2, 1, 1, 0, 0, 1],
      completedAt: daysFromToday(-1),
    });
    const plan = await factories.createTreatmentPlan(db, patient, prescriber, {
      reviewBy: daysFromToday(-3),
    });
    await factories.createPlanReviewRequest(db, patient, plan.plan, { reason: 'TOO_INTENSE' });

    const flags = await db.$transaction((tx) =>
      flagsForPatients(tx, organization.id, [patient.id, calm.id]),
    );
    expect(flags.get(calm.id)).toEqual([]);
    expect(flags.get(patient.id)!.map((f) => f.kind)).toEqual([
      'SAFETY',
      'SCORE_WORSENED',
      'SEVERE_SIDE_EFFECT',
      'PLAN_REVIEW_OVERDUE',
      'REVIEW_REQUESTED',
    ]);
    expect(flags.get(patient.id)![2]!.detail).toContain('nausea');

    const elsewhere = await factories.createOrganization(db);
    const other = await db.$transaction((tx) => flagsForPatients(tx, elsewhere.id, [patient.id]));
    expect(other.get(patient.id)!.map((f) => f.kind)).toEqual(['NO_RECENT_CHECK_IN']);
  });
});
