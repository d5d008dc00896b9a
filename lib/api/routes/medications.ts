// Medications: the regimen and medication changes (docs/decisions/008-medication-changes.md).
import { defineRoute } from '@/lib/api/define-route';
import { getRegimen, listMedicationChanges, recordMedicationChange } from '@/lib/data/medications';
import { PatientParams } from '@/lib/schemas/patients';
import {
  MedicationChange,
  MedicationChangeInput,
  MedicationChangePage,
  MedicationChangeQuery,
  Regimen,
} from '@/lib/schemas/medications';

/** Whoever may read the patient's medications, on the patient's path. */
const reader = {
  tag: 'Medications',
  who: 'The patient and clinicians on their active care team; admins get 403, anyone else 404.',
  permission: 'medicationChange.read',
  params: PatientParams,
} as const;

export const medicationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/medications',
    ...reader,
    summary: 'The current regimen (active, held, then stopped medications)',
    success: { status: 200, description: 'The regimen.', schema: Regimen },
    handler: ({ viewer, params }) => getRegimen(viewer, params.patientId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/medication-changes',
    ...reader,
    summary:
      'Medication changes, newest first (by effective date, then recording time); patients get them without noteForCareTeam',
    query: MedicationChangeQuery,
    success: { status: 200, description: 'A page of changes.', schema: MedicationChangePage },
    handler: ({ viewer, params, query }) => listMedicationChanges(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/medication-changes',
    idempotent: true,
    ...reader,
    summary:
      'Record a medication change. A reason is required; the effective date may be at most a year ago and 90 days ahead (400 otherwise). 409 when the regimen does not allow the action (starting an active medication, an increase that does not raise the dose, correcting a change twice…).',
    who: 'Prescribers on the patient’s active care team; therapists and the patient get 403, anyone else 404.',
    permission: 'medicationChange.create',
    body: MedicationChangeInput,
    success: { status: 201, description: 'The recorded change.', schema: MedicationChange },
    problems: [409],
    handler: ({ viewer, params, body, idempotency }) =>
      recordMedicationChange(viewer, params.patientId, body, idempotency),
  }),
] as const;
