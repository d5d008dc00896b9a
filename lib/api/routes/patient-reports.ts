// Check-ins and assessments.
import { z } from 'zod';
import { defineRoute } from '@/lib/api/define-route';
import { ok } from '@/lib/api/responses';
import { listAssessments, recordAssessment } from '@/lib/data/assessments';
import { listCheckIns, recordCheckIn } from '@/lib/data/check-ins';
import {
  Assessment,
  AssessmentInput,
  AssessmentList,
  AssessmentListQuery,
} from '@/lib/schemas/assessments';
import {
  CheckInInput,
  CheckInList,
  CheckInListQuery,
  CheckInResult,
} from '@/lib/schemas/check-ins';
import { PatientParams } from '@/lib/schemas/patients';

const tag = 'Check-ins and assessments';
const READERS =
  'The patient and clinicians on their active care team; admins get 403, anyone else 404.';
const PATIENT_ONLY = 'The patient themself; clinicians on the team get 403, anyone else 404.';
const onPatient = { tag, params: PatientParams } as const;

export const patientReportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/check-ins',
    ...onPatient,
    summary: 'The patient’s check-ins over a date range',
    who: READERS,
    permission: 'checkIn.read',
    query: CheckInListQuery,
    success: {
      status: 200,
      description: 'Check-ins from `from` to `to` (default the last 30 days), newest first.',
      schema: CheckInList,
    },
    handler: ({ viewer, params, query }) => listCheckIns(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/check-ins',
    idempotent: true,
    ...onPatient,
    summary: 'Check in for today (or update today’s check-in)',
    who: `${PATIENT_ONLY} A side effect of thoughts of suicide or self-harm, at any severity, raises an urgent safety flag for the care team; any other side effect reported as severe raises a high one (each once per day’s check-in, not again when it is replaced).`,
    permission: 'checkIn.create',
    body: CheckInInput,
    success: {
      status: 201,
      also: [200],
      description:
        'The day’s check-in was recorded. A second check-in on the same `localDate` answers 200 and replaces the first, its side effects and measures included.',
      schema: CheckInResult,
    },
    handler: async ({ viewer, params, body, idempotency }) => {
      const result = await recordCheckIn(viewer, params.patientId, body, idempotency);
      return result.updated ? ok(result) : result;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/assessments',
    ...onPatient,
    summary: 'Completed PHQ-9 and GAD-7 questionnaires, and when each is next due',
    who: READERS,
    permission: 'assessment.read',
    query: AssessmentListQuery,
    success: { status: 200, description: 'A page, newest first.', schema: AssessmentList },
    handler: ({ viewer, params, query }) => listAssessments(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/assessments',
    idempotent: true,
    ...onPatient,
    summary: 'Complete a PHQ-9 or GAD-7',
    who: `${PATIENT_ONLY} A PHQ-9 item 9 answer above 0 raises a safety flag for the care team.`,
    permission: 'assessment.create',
    body: AssessmentInput,
    success: {
      status: 201,
      description: 'The scored questionnaire (`score`, `severity`, `safetyFlag`).',
      schema: z.object({ assessment: Assessment }),
    },
    handler: async ({ viewer, params, body, idempotency }) => ({
      assessment: await recordAssessment(viewer, params.patientId, body, idempotency),
    }),
  }),
] as const;
