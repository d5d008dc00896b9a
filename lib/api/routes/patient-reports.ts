// Check-ins and assessments (issue 6).
import { z } from 'zod';
import type { ApiRoute } from '@/lib/api/registry';
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

const patientPath = { params: PatientParams };

export const patientReportRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/check-ins',
    tag: 'Check-ins and assessments',
    summary: 'The patient’s check-ins over a date range',
    who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
    ...patientPath,
    query: CheckInListQuery,
    success: {
      status: 200,
      description: 'Check-ins from `from` to `to` (default the last 30 days), newest first.',
      schema: CheckInList,
    },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/check-ins',
    idempotent: true,
    tag: 'Check-ins and assessments',
    summary: 'Check in for today (or update today’s check-in)',
    who: 'The patient themself; clinicians on the team get 403, anyone else 404.',
    ...patientPath,
    body: CheckInInput,
    success: {
      status: 201,
      description:
        'The day’s check-in was recorded. A second check-in on the same `localDate` answers 200 and replaces the first, its side effects and measures included.',
      schema: CheckInResult,
    },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/assessments',
    tag: 'Check-ins and assessments',
    summary: 'Completed PHQ-9 and GAD-7 questionnaires, and when each is next due',
    who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
    ...patientPath,
    query: AssessmentListQuery,
    success: { status: 200, description: 'A page, newest first.', schema: AssessmentList },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/assessments',
    idempotent: true,
    tag: 'Check-ins and assessments',
    summary: 'Complete a PHQ-9 or GAD-7',
    who: 'The patient themself; clinicians on the team get 403, anyone else 404. A PHQ-9 item 9 answer above 0 raises a safety flag for the care team.',
    ...patientPath,
    body: AssessmentInput,
    success: {
      status: 201,
      description: 'The scored questionnaire (`score`, `severity`, `safetyFlag`).',
      schema: z.object({ assessment: Assessment }),
    },
    problems: [400, 403, 404, 413, 415],
  },
];
