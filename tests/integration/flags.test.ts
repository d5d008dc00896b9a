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

  it('flags two no-shows within 60 days, with any clinician; not one, nor older ones', async () => {
    const { organization, prescriber, therapist, patient } = await factories.createCareTeam(db);
    await factories.createCheckIn(db, patient, { localDate: daysFromToday(-1) });
    const now = Date.now();
    const DAY = 86_400_000;
    const visit = (clinicianId: string, daysAgo: number, status: 'NO_SHOW' | 'COMPLETED') =>
      db.appointment.create({
        data: {
          organizationId: organization.id,
          patientId: patient.id,
          clinicianId,
          bookedById: clinicianId,
          startsAt: new Date(now - daysAgo * DAY),
          endsAt: new Date(now - daysAgo * DAY + 50 * 60_000),
          kind: 'THERAPY',
          modality: 'PHONE',
          status,
        },
      });
    const kinds = async () =>
      (await db.$transaction((tx) => flagsForPatients(tx, organization.id, [patient.id])))
        .get(patient.id)!
        .map((f) => f.kind);

    await visit(therapist.id, 70, 'NO_SHOW'); // too long ago
    await visit(therapist.id, 10, 'COMPLETED');
    await visit(therapist.id, 20, 'NO_SHOW');
    expect(await kinds()).toEqual([]);
    await visit(prescriber.id, 59, 'NO_SHOW'); // another clinician's counts too
    const flags = await db.$transaction((tx) =>
      flagsForPatients(tx, organization.id, [patient.id]),
    );
    expect(flags.get(patient.id)).toEqual([
      expect.objectContaining({ kind: 'NO_SHOWS', label: '2 no-shows in 60 days' }),
    ]);
    // Another organization's reader sees none of them.
    const elsewhere = await factories.createOrganization(db);
    const other = await db.$transaction((tx) => flagsForPatients(tx, elsewhere.id, [patient.id]));
    expect(other.get(patient.id)!.map((f) => f.kind)).not.toContain('NO_SHOWS');
  });
});
