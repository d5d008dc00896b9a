// Words for the patient (issue 17, part 2): the plan version's summary for the patient and each
// goal's wording for them are saved, kept per version and compared; the patient's own screens read
// them (never the clinical change summary); the check-in's side-effect list is in patient words.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getCheckInForm } from '@/lib/data/check-ins';
import { getMyCareSummary } from '@/lib/data/my-care';
import { getTimeline } from '@/lib/data/timeline';
import { getTrends } from '@/lib/data/trends';
import {
  createCareTeam,
  recordMedicationChanges,
  viewerFor,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const BASE = '/api/v1/patients/{patientId}/treatment-plan';
const CLINICAL = 'GAD-7 below 10 on the last two checks (9, 8); trazodone stopped.';
const FOR_PATIENT = 'Your worry is easier to manage now, so we marked that goal as reached.';

function body(team: CareTeam, extra: Record<string, unknown> = {}) {
  return {
    presentingConcerns: 'Panic attacks and worry since the move.',
    patientGoalsOwnWords: 'Ride the bus again.',
    reviewBy: '2030-03-31',
    assessmentIntervalDays: 14,
    goals: [
      {
        description: 'Anxiety in the mild range (GAD-7 below 10).',
        patientWording: 'Worry you can manage day to day.',
        status: 'ACTIVE',
        measureKind: 'GAD7',
        direction: 'AT_MOST',
        targetValue: 9,
      },
      {
        description: 'Panic attacks ≤ 1/wk.',
        patientWording: 'One panic attack a week or none.',
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
      { kind: 'CBT', description: 'Panic CBT', ownerId: team.therapist.id, frequency: 'Weekly' },
    ],
    changeSummary: CLINICAL,
    patientSummary: `  ${FOR_PATIENT}  `,
    ...extra,
  };
}

async function world() {
  const team = await createCareTeam(db, { passwordHash: null });
  const cookies = {
    patient: await sessionCookie(team.patient),
    therapist: await sessionCookie(team.therapist),
  };
  const params = { patientId: team.patient.id };
  const get = (cookie: string) => callApi({ method: 'GET', path: BASE, params, cookie });
  const put = (version: number, payload: unknown) =>
    callApi({
      method: 'PUT',
      path: BASE,
      params,
      cookie: cookies.therapist,
      body: payload,
      headers: { 'If-Match': `"${version}"` },
    });
  return { team, cookies, params, get, put };
}

describe('the plan’s words for the patient', () => {
  it('saves the summary and goal wordings, and a version keeps its own', async () => {
    const w = await world();
    const first = await w.put(0, body(w.team));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ changeSummary: CLINICAL, patientSummary: FOR_PATIENT });
    expect(
      first.body.goals.map((g: { patientWording: string | null }) => g.patientWording),
    ).toEqual(['Worry you can manage day to day.', 'One panic attack a week or none.', null]);

    // The GET answer sent back as it is (null wording, summaries) is a valid PUT.
    const read = await w.get(w.cookies.therapist);
    const second = await w.put(1, {
      ...read.body.plan,
      changeSummary: null,
      patientSummary: null,
      goals: read.body.plan.goals.map((g: Record<string, unknown>, i: number) => ({
        ...g,
        patientWording: i === 1 ? null : g.patientWording,
      })),
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.patientSummary).toBeNull();
    expect(second.body.goals[1].patientWording).toBeNull();
    expect(second.body.changeSummary).toBe(
      'Changed the wording for the patient of goal “Panic attacks ≤ 1/wk.”.',
    );

    // Version 1 is unchanged; the diff names the goal whose wording for the patient changed.
    const v1 = await callApi({
      method: 'GET',
      path: `${BASE}/versions/{version}`,
      params: { ...w.params, version: '1' },
      cookie: w.cookies.patient,
    });
    expect(v1.body.patientSummary).toBe(FOR_PATIENT);
    expect(v1.body.goals[1].patientWording).toBe('One panic attack a week or none.');
    const diff = await callApi({
      method: 'GET',
      path: `${BASE}/diff`,
      params: w.params,
      cookie: w.cookies.therapist,
      query: { from: '1', to: '2' },
    });
    expect(diff.body.goals.changed).toHaveLength(1);
    expect(diff.body.goals.changed[0]).toMatchObject({
      fields: ['patientWording'],
      before: { patientWording: 'One panic attack a week or none.' },
      after: { patientWording: null },
    });
  });

  it.each([
    ['patientSummary', { patientSummary: 'x'.repeat(1001) }],
    ['goals.0.patientWording', { goals: [{ ...goal(), patientWording: 'x'.repeat(501) }] }],
    ['goals.0.patientWording', { goals: [{ ...goal(), patientWording: 'Sleep <b>well</b>' }] }],
    ['goals.0.patientWording', { goals: [{ ...goal(), patientWording: 'Two\nlines' }] }],
    ['goals.0.patientWording', { goals: [{ ...goal(), patientWording: '   ' }] }],
    ['patientSummary', { patientSummary: 'Bad \u0000 byte' }],
  ])('refuses a bad %s with a 400 naming it, and writes nothing', async (path, extra) => {
    const w = await world();
    const result = await w.put(0, body(w.team, extra));
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await db.treatmentPlan.count({ where: { patientId: w.team.patient.id } })).toBe(0);
  });

  it('accepts the longest wording and summary', async () => {
    const w = await world();
    const result = await w.put(
      0,
      body(w.team, {
        patientSummary: 'y'.repeat(1000),
        goals: [{ ...goal(), patientWording: 'z'.repeat(500) }],
      }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(200);
  });

  it('shows the patient their words and never the clinical change summary', async () => {
    const w = await world();
    expect((await w.put(0, body(w.team))).status).toBe(200);
    const patient = viewerFor(w.team.patient);

    const home = await getMyCareSummary(patient);
    expect(home.plan?.patientSummary).toBe(FOR_PATIENT);
    expect(home.plan?.goals.map((g) => g.description)).toEqual([
      'Worry you can manage day to day.',
      'One panic attack a week or none.',
      'Back at choir',
    ]);
    expect(JSON.stringify(home)).not.toContain('GAD-7 below 10');

    const timeline = await getTimeline(patient, w.team.patient.id);
    const planItem = timeline.items.find((i) => i.kind === 'planVersion');
    expect(planItem?.detail).toBe(FOR_PATIENT);
    const clinicianTimeline = await getTimeline(viewerFor(w.team.therapist), w.team.patient.id);
    expect(clinicianTimeline.items.find((i) => i.kind === 'planVersion')?.detail).toBe(CLINICAL);

    const trends = await getTrends(patient, w.team.patient.id, 30);
    expect(trends.measures.map((m) => m.description)).toEqual(['One panic attack a week or none.']);
    const clinicianTrends = await getTrends(viewerFor(w.team.therapist), w.team.patient.id, 30);
    expect(clinicianTrends.measures.map((m) => m.description)).toEqual(['Panic attacks ≤ 1/wk.']);

    // The API still answers the whole version to the patient: it is their record.
    const api = await w.get(w.cookies.patient);
    expect(api.body.plan).toMatchObject({ changeSummary: CLINICAL, patientSummary: FOR_PATIENT });
  });

  it('lists what to watch for in the check-in in patient words, each once', async () => {
    const w = await world();
    await recordMedicationChanges(db, w.team.patient, w.team.prescriber, [
      {
        action: 'START',
        medication: 'Sertraline',
        dose: 50,
        monitorFor: ['GI upset', 'Akathisia', 'Nausea'],
      },
      {
        action: 'START',
        medication: 'Quetiapine',
        dose: 25,
        monitorFor: ['orthostatic hypotension', 'G.I. upset', 'Rash / SJS'],
      },
    ]);
    const form = await getCheckInForm(viewerFor(w.team.patient), w.team.patient.id);
    // Medications come alphabetically: quetiapine's terms first.
    expect(form.watchFor).toEqual([
      'Feeling dizzy or faint when you stand up',
      'Upset stomach or nausea',
      'A rash with blisters, peeling skin or sores in the mouth',
      'Feeling restless, unable to sit still',
      'Nausea',
    ]);

    // A box ticked is recorded under the patient's words.
    const checkIn = await callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/check-ins',
      params: w.params,
      cookie: w.cookies.patient,
      body: {
        localDate: new Date().toISOString().slice(0, 10),
        mood: 5,
        sideEffects: [{ name: form.watchFor[3], severity: 'MILD' }],
      },
    });
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(201);
    const row = await db.checkIn.findFirstOrThrow({
      where: { patientId: w.team.patient.id },
      include: { sideEffects: true },
    });
    expect(row.sideEffects.map((e) => e.name)).toEqual(['Feeling restless, unable to sit still']);
  });
});

function goal() {
  return { description: 'Back at choir', status: 'ACTIVE', measureKind: 'NONE' };
}
