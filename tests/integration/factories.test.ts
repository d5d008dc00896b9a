import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { deriveRegimen } from '@/lib/clinical/regimen';
import * as factories from '@/tests/factories';
import { daysFromToday } from '@/tests/factories';
import { asRegimenEntry } from '@/tests/support/medication-changes';

async function regimenFromHistory(patientId: string) {
  const history = await db.medicationChange.findMany({ where: { patientId } });
  return deriveRegimen(history);
}

async function storedStates(patientId: string) {
  const states = await db.medicationState.findMany({
    where: { patientId },
    orderBy: { medicationKey: 'asc' },
  });
  return states.map(asRegimenEntry);
}

describe('factories', () => {
  it('builds a care team with unique accounts, memberships and viewers', async () => {
    const a = await factories.createCareTeam(db);
    const b = await factories.createCareTeam(db, { organization: a.organization });
    expect(b.organization.id).toBe(a.organization.id);
    expect(new Set([a.prescriber.email, a.therapist.email, b.prescriber.email]).size).toBe(3);
    expect(a.patient.account.role).toBe('PATIENT');
    expect(a.patient.account.passwordHash).toBeNull();
    expect(a.memberships.map((m) => m.clinicianId).sort()).toEqual(
      [a.prescriber.id, a.therapist.id].sort(),
    );
    expect(factories.viewerFor(a.patient)).toMatchObject({
      role: 'PATIENT',
      patientId: a.patient.id,
    });
    expect(factories.viewerFor(a.therapist)).toMatchObject({
      role: 'THERAPIST',
      userId: a.therapist.id,
    });
    const patient = await factories.createPatient(db, a.organization, {
      passwordHash: 'precomputed',
    });
    expect(patient.account.passwordHash).toBe('precomputed');
    const admin = await factories.createUser(db, a.organization, {
      role: 'ADMIN',
      email: 'Admin.X@Example.test',
    });
    expect(admin.email).toBe('admin.x@example.test');
  });

  it('versions a plan and keeps goal keys', async () => {
    const { patient, prescriber, therapist } = await factories.createCareTeam(db);
    const v1 = await factories.createTreatmentPlan(db, patient, therapist, { prescriber });
    expect(v1.plan.currentVersion).toBe(1);
    expect(v1.goals.map((g) => g.measureKind)).toEqual(['PHQ9', 'PERSONAL', 'NONE']);
    expect(v1.interventions.map((i) => i.ownerId)).toEqual([prescriber.id, therapist.id]);
    const v2 = await factories.addTreatmentPlanVersion(db, v1.plan, prescriber, {
      changeSummary: 'Review date moved.',
      reviewBy: daysFromToday(120),
    });
    expect(v2.plan.currentVersion).toBe(2);
    expect(v2.version.version).toBe(2);
    expect(v2.goals.map((g) => g.goalKey)).toEqual(v1.goals.map((g) => g.goalKey));
    expect(v2.version.presentingConcerns).toBe(v1.version.presentingConcerns);
  });

  it('records linked medication changes and keeps MedicationState in step', async () => {
    const { patient, prescriber } = await factories.createCareTeam(db);
    const first = await factories.recordMedicationChanges(db, patient, prescriber, [
      { action: 'START', medication: 'Sertraline', dose: 25, effectiveDate: daysFromToday(-30) },
      { action: 'INCREASE', medication: 'sertraline', dose: 50, effectiveDate: daysFromToday(-20) },
      { action: 'START', medication: 'Trazodone', dose: 50, frequency: 'at bedtime' },
    ]);
    expect(first[0]!.previousChangeId).toBeNull();
    expect(first[1]!.previousChangeId).toBe(first[0]!.id);
    expect(first[2]!.previousChangeId).toBeNull();
    expect(await storedStates(patient.id)).toEqual(await regimenFromHistory(patient.id));

    const [error] = await factories.recordMedicationChanges(db, patient, prescriber, [
      { action: 'ENTERED_IN_ERROR', correctsId: first[1]!.id },
    ]);
    expect(error!.previousChangeId).toBe(first[1]!.id);
    expect(error!.medicationKey).toBe('sertraline');
    const states = await storedStates(patient.id);
    expect(states).toEqual(await regimenFromHistory(patient.id));
    expect(states.find((s) => s.medicationKey === 'sertraline')).toMatchObject({
      dose: 25,
      lastChangeId: first[0]!.id,
    });

    await expect(
      factories.recordMedicationChanges(db, patient, prescriber, [
        { action: 'START', medication: 'sertraline', dose: 25 },
      ]),
    ).rejects.toThrow(/already active/);
  });

  it('scores assessments and raises a safety flag for item 9', async () => {
    const { patient, therapist } = await factories.createCareTeam(db);
    const calm = await factories.createAssessment(db, patient, {
      instrument: 'GAD7',
      answers: [0, 0, 1, 0, 0, 0, 0],
    });
    expect(calm).toMatchObject({ score: 1, severity: 'minimal', safetyFlag: false });
    expect(calm.safetyFlags).toEqual([]);
    const flagged = await factories.createAssessment(db, patient, {
      answers: [3, 3, 3, 2, 2, 2, 2, 2, 1],
      flagResolved: { by: therapist, outcome: 'CONTACTED_PATIENT', note: 'Called; safe.' },
    });
    expect(flagged).toMatchObject({ score: 20, severity: 'severe', safetyFlag: true });
    expect(flagged.safetyFlags).toHaveLength(1);
    expect(flagged.safetyFlags[0]).toMatchObject({
      status: 'RESOLVED',
      urgency: 'URGENT',
      acknowledgedById: therapist.id,
      resolvedById: therapist.id,
      outcome: 'CONTACTED_PATIENT',
    });
  });

  it('creates check-ins, notes and messages that carry the organization', async () => {
    const { organization, patient, prescriber, therapist } = await factories.createCareTeam(db);
    const { goals } = await factories.createTreatmentPlan(db, patient, therapist, { prescriber });
    const personal = goals.find((g) => g.measureKind === 'PERSONAL')!;
    const checkIn = await factories.createCheckIn(db, patient, {
      mood: 4,
      sideEffects: [{ name: 'Nausea', severity: 'MILD' }],
      measures: [{ goalKey: personal.goalKey, value: 2 }],
    });
    expect(checkIn.sideEffects).toHaveLength(1);
    expect(checkIn.measureValues[0]).toMatchObject({ value: 2, organizationId: organization.id });

    const draft = await factories.createSessionNote(db, patient, prescriber);
    expect(draft).toMatchObject({ status: 'DRAFT', kind: 'MEDICATION_MANAGEMENT', format: 'SOAP' });
    const signed = await factories.createSessionNote(db, patient, therapist, {
      status: 'SIGNED',
      addenda: ['Correction: the session ran 50 minutes, not 45.'],
    });
    expect(signed).toMatchObject({ status: 'SIGNED', kind: 'THERAPY', format: 'DAP' });
    expect(signed.signedAt).toBeInstanceOf(Date);
    expect(signed.addenda[0]!.organizationId).toBe(organization.id);

    const processNote = await factories.createPsychotherapyNote(db, patient, therapist);
    const message = await factories.createMessage(db, patient, prescriber);
    for (const row of [checkIn, draft, signed, processNote, message]) {
      expect(row.organizationId).toBe(organization.id);
    }
  });
});
