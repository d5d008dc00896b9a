// Issue 17, part 3: a plan's medication item follows the live regimen, and a change of that
// medication asks for a plan review in the inbox (docs/decisions/034-plan-follows-the-regimen.md).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { toIsoDate } from '@/lib/format';
import type { TreatmentPlanView } from '@/lib/schemas/treatment-plan';
import {
  addToCareTeam,
  createCareTeam,
  createTreatmentPlan,
  createUser,
  daysFromToday,
  recordMedicationChanges,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const PLAN = '/api/v1/patients/{patientId}/treatment-plan';
const CHANGES = '/api/v1/patients/{patientId}/medication-changes';
const today = toIsoDate(new Date());

/** A team whose patient takes sertraline 100 mg and bupropion 150 mg, with a plan naming sertraline. */
async function world(owner?: (team: CareTeam) => Promise<{ id: string }>) {
  const team = await createCareTeam(db, { passwordHash: null });
  await recordMedicationChanges(db, team.patient, team.prescriber, [
    { action: 'START', medication: 'Sertraline', dose: 100, effectiveDate: daysFromToday(-30) },
    { action: 'START', medication: 'Bupropion XL', dose: 150, effectiveDate: daysFromToday(-30) },
  ]);
  const ownerId = owner ? (await owner(team)).id : team.prescriber.id;
  await createTreatmentPlan(db, team.patient, team.therapist, {
    interventions: [
      {
        kind: 'MEDICATION_MANAGEMENT',
        description: 'Sertraline 100 mg maintenance; review response and side effects.',
        ownerId,
        frequency: 'Every 4 weeks',
        medicationKey: 'sertraline',
      },
      { kind: 'CBT', description: 'CBT', ownerId: team.therapist.id, frequency: 'Weekly' },
    ],
  });
  const cookies = {
    prescriber: await sessionCookie(team.prescriber),
    therapist: await sessionCookie(team.therapist),
    patient: await sessionCookie(team.patient),
  };
  const params = { patientId: team.patient.id };
  const change = (medication: string, action: string, dose: number) =>
    callApi({
      method: 'POST',
      path: CHANGES,
      params,
      cookie: cookies.prescriber,
      body: { action, medication, dose, unit: 'mg', effectiveDate: today, reason: 'Response.' },
    });
  const reviewItems = () =>
    db.notification.findMany({
      where: { patientId: team.patient.id, kind: 'PLAN_MEDICATION_REVIEW' },
      orderBy: { createdAt: 'asc' },
    });
  const get = async (cookie: string) => {
    const res = await callApi({ method: 'GET', path: PLAN, params, cookie });
    expect(res.status).toBe(200);
    return res.body as TreatmentPlanView;
  };
  const put = (version: number, interventions: unknown[]) =>
    callApi({
      method: 'PUT',
      path: PLAN,
      params,
      cookie: cookies.therapist,
      headers: { 'If-Match': `"${version}"` },
      body: {
        presentingConcerns: 'Low mood.',
        patientGoalsOwnWords: '',
        reviewBy: null,
        assessmentIntervalDays: 14,
        goals: [],
        interventions,
      },
    });
  return { team, cookies, change, reviewItems, get, put };
}

const sertralineItem = (ownerId: string, medicationKey: string | null = 'sertraline') => ({
  kind: 'MEDICATION_MANAGEMENT',
  description: 'Sertraline maintenance.',
  ownerId,
  frequency: 'Every 4 weeks',
  medicationKey,
});

describe('a plan medication item and the live regimen', () => {
  it('shows the current dose to the patient and the team, not the plan’s old words', async () => {
    const w = await world();
    expect((await w.change('Sertraline', 'INCREASE', 150)).status).toBe(201);
    for (const cookie of [w.cookies.patient, w.cookies.therapist]) {
      const view = await w.get(cookie);
      expect(view.plan!.interventions[0]!.medicationKey).toBe('sertraline');
      expect(view.plan!.interventions[0]!.description).toContain('100 mg');
      const sertraline = view.medications.find((m) => m.medicationKey === 'sertraline');
      expect(sertraline).toMatchObject({ medication: 'Sertraline', dose: 150, status: 'ACTIVE' });
    }
  });

  it('a dose change puts one review item in the prescriber’s inbox, once per plan version', async () => {
    const w = await world();
    expect(await w.reviewItems()).toHaveLength(0);
    expect((await w.change('Sertraline', 'INCREASE', 150)).status).toBe(201);
    const [item, ...more] = await w.reviewItems();
    expect(more).toHaveLength(0);
    expect(item).toMatchObject({
      recipientId: w.team.prescriber.id,
      readAt: null,
      link: `/patients/${w.team.patient.id}/plan`,
    });
    expect(item!.summary).toBe(
      'Review the treatment plan: it names Sertraline, whose regimen changed.',
    );
    // Unrelated medication: nothing; the same medication again: still the one item.
    expect((await w.change('Bupropion XL', 'INCREASE', 300)).status).toBe(201);
    expect((await w.change('Sertraline', 'DECREASE', 125)).status).toBe(201);
    expect(await w.reviewItems()).toHaveLength(1);
    // Neither the therapist nor the patient is asked to review the plan.
    const recipients = (await w.reviewItems()).map((n) => n.recipientId);
    expect(recipients).not.toContain(w.team.therapist.id);
    expect(recipients).not.toContain(w.team.patient.account.id);
  });

  it('saving the plan resolves the item; a later change asks again', async () => {
    const w = await world();
    await w.change('Sertraline', 'INCREASE', 150);
    const saved = await w.put(1, [sertralineItem(w.team.prescriber.id)]);
    expect(saved.status).toBe(200);
    const [resolved] = await w.reviewItems();
    expect(resolved!.readAt).not.toBeNull();
    await w.change('Sertraline', 'INCREASE', 200);
    const items = await w.reviewItems();
    expect(items).toHaveLength(2);
    expect(items[1]!.readAt).toBeNull();
  });

  it('also asks the item’s owner when another clinician of the team, never one who left', async () => {
    const second = await world(async (team) => {
      const owner = await createUser(db, team.organization, { role: 'PRESCRIBER' });
      await addToCareTeam(db, team.patient, owner);
      return owner;
    });
    await second.change('Sertraline', 'INCREASE', 150);
    const owners = (await second.reviewItems()).map((n) => n.recipientId).sort();
    expect(owners).toHaveLength(2);

    const left = await world(async (team) => {
      const owner = await createUser(db, team.organization, { role: 'PRESCRIBER' });
      await addToCareTeam(db, team.patient, owner, { endedAt: new Date() });
      return owner;
    });
    await left.change('Sertraline', 'INCREASE', 150);
    const items = await left.reviewItems();
    expect(items.map((n) => n.recipientId)).toEqual([left.team.prescriber.id]);
  });

  it('refuses a medication the patient never had, or one on a non-medication item', async () => {
    const w = await world();
    const unknown = await w.put(1, [sertralineItem(w.team.prescriber.id, 'lithium')]);
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('interventions.0.medicationKey');
    const onCbt = await w.put(1, [
      { ...sertralineItem(w.team.therapist.id), kind: 'CBT', medicationKey: 'sertraline' },
    ]);
    expect(onCbt.status).toBe(400);
    const plan = await db.treatmentPlan.findFirst({ where: { patientId: w.team.patient.id } });
    expect(plan!.currentVersion).toBe(1);
  });
});
