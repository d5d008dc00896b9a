// Medications: the regimen and medication changes (issue 4).
import type { ApiRoute } from '@/lib/api/registry';
import { PatientParams } from '@/lib/schemas/patients';
import {
  MedicationChange,
  MedicationChangeInput,
  MedicationChangePage,
  MedicationChangeQuery,
  Regimen,
} from '@/lib/schemas/medications';

export const medicationRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/medications',
    tag: 'Medications',
    summary: 'The current regimen (active, held, then stopped medications)',
    who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
    params: PatientParams,
    success: { status: 200, description: 'The regimen.', schema: Regimen },
    problems: [403, 404],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/medication-changes',
    tag: 'Medications',
    summary:
      'Medication changes, newest first (by effective date, then recording time); patients get them without noteForCareTeam',
    who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
    params: PatientParams,
    query: MedicationChangeQuery,
    success: { status: 200, description: 'A page of changes.', schema: MedicationChangePage },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/medication-changes',
    idempotent: true,
    tag: 'Medications',
    summary:
      'Record a medication change. A reason is required; the effective date may be at most a year ago and 90 days ahead (400 otherwise). 409 when the regimen does not allow the action (starting an active medication, an increase that does not raise the dose, correcting a change twice…).',
    who: 'Prescribers on the patient’s active care team; therapists and the patient get 403, anyone else 404.',
    params: PatientParams,
    body: MedicationChangeInput,
    success: { status: 201, description: 'The recorded change.', schema: MedicationChange },
    problems: [400, 403, 404, 409, 413, 415],
  },
];
