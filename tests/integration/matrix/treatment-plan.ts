// Matrix rows of the treatment plan API. One row per route and method; see tests/support/matrix.ts.
import { db } from '@/lib/db';
import { createPlanReviewRequest, createTreatmentPlan } from '@/tests/factories';
import type { ApiCall } from '@/tests/support/api';
import {
  careTeamOnly as editors,
  patientOnly,
  readers,
  type Row,
  type World,
} from '@/tests/support/matrix';

/** The team's patient's plan, written at version 1 the first time a row needs it. */
async function currentPlan(w: World) {
  const found = await db.treatmentPlan.findFirst({ where: { patientId: w.team.patient.id } });
  if (found && found.currentVersion > 0) return found;
  return (
    await createTreatmentPlan(db, w.team.patient, w.team.therapist, {
      prescriber: w.team.prescriber,
    })
  ).plan;
}

/** A whole plan body with owners from the team. */
export function planBody(w: Pick<World, 'team'>, changeSummary?: string) {
  return {
    presentingConcerns: 'Low mood and poor sleep for three months.',
    patientGoalsOwnWords: 'Sleep through the night and enjoy weekends again.',
    reviewBy: '2030-01-31',
    assessmentIntervalDays: 14,
    goals: [
      {
        description: 'PHQ-9 below 5.',
        status: 'ACTIVE',
        measureKind: 'PHQ9',
        direction: 'AT_MOST',
        targetValue: 4,
        targetDate: null,
      },
    ],
    interventions: [
      {
        kind: 'CBT',
        description: 'Weekly CBT.',
        ownerId: w.team.therapist.id,
        frequency: 'Weekly',
      },
    ],
    ...(changeSummary === undefined ? {} : { changeSummary }),
  };
}

const BASE = '/api/v1/patients/{patientId}/treatment-plan';

/** A cell's call on the patient's plan at its current version (written when absent). */
const onPlan =
  (
    call: (version: number, w: World) => Promise<Partial<ApiCall>> | Partial<ApiCall> = () => ({}),
  ) =>
  async (w: World) =>
    call((await currentPlan(w)).currentVersion, w);

export const treatmentPlanRows: Row[] = [
  { method: 'GET', path: BASE, expect: readers(200) },
  {
    method: 'PUT',
    path: BASE,
    call: onPlan((version, w) => ({ body: planBody(w), headers: { 'If-Match': `"${version}"` } })),
    expect: editors(200),
  },
  { method: 'GET', path: `${BASE}/versions`, call: onPlan(), expect: readers(200) },
  {
    method: 'GET',
    path: `${BASE}/versions/{version}`,
    call: onPlan(() => ({ params: { version: '1' } })),
    expect: readers(200),
  },
  {
    method: 'GET',
    path: `${BASE}/diff`,
    call: onPlan((version) => ({ query: { from: '1', to: String(version) } })),
    expect: readers(200),
  },
  {
    method: 'POST',
    path: `${BASE}/acknowledgements`,
    call: onPlan((version) => ({ body: { version } })),
    expect: patientOnly(200),
  },
  { method: 'GET', path: `${BASE}/comments`, call: onPlan(), expect: readers(200) },
  {
    method: 'POST',
    path: `${BASE}/comments`,
    call: onPlan(() => ({ body: { body: 'Can we talk about this?' } })),
    expect: readers(201),
  },
  {
    method: 'POST',
    path: `${BASE}/review-requests`,
    call: onPlan(() => ({ body: { reason: 'HARD_TO_KEEP_UP', detail: 'Too many worksheets.' } })),
    expect: patientOnly(201),
  },
  {
    method: 'POST',
    path: `${BASE}/review-requests/{requestId}/resolve`,
    call: async (w) => {
      const request = await createPlanReviewRequest(db, w.team.patient, await currentPlan(w));
      return { params: { requestId: request.id } };
    },
    expect: editors(200),
  },
];
