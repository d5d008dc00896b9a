// Safety flags: raised by answers or by a clinician, acknowledged, resolved (decision 019).
import { defineRoute } from '@/lib/api/define-route';
import {
  acknowledgeSafetyFlag,
  listSafetyFlags,
  raiseSafetyFlag,
  resolveSafetyFlag,
} from '@/lib/data/safety-flags';
import { PatientParams } from '@/lib/schemas/patients';
import {
  RaiseSafetyFlagInput,
  ResolveSafetyFlagInput,
  SafetyFlag,
  SafetyFlagListAnswer,
  SafetyFlagListQuery,
  SafetyFlagParams,
} from '@/lib/schemas/safety-flags';

const FLAGS = '/api/v1/patients/{patientId}/safety-flags';
const TEAM =
  'Clinicians on the patient’s active care team; the patient and admins get 403, anyone else 404.';
const tag = 'Safety flags';
const onFlag = {
  tag,
  params: SafetyFlagParams,
  who: TEAM,
  permission: 'safetyFlag.manage',
} as const;

export const safetyFlagRoutes = [
  defineRoute({
    method: 'GET',
    path: FLAGS,
    tag,
    params: PatientParams,
    summary:
      'The patient’s safety flags, newest raised first. Clinicians: the flags with `status` (open: not yet resolved, the default; resolved; all), each with its source (the questionnaire’s answers or the check-in’s side effects). The patient: the flags their own answers raised, status only (`WAITING` until someone on the team has seen it, then `SEEN`); the filter does not apply',
    who: 'Clinicians on the patient’s active care team, and the patient (status only); admins get 403, anyone else 404.',
    permission: 'safetyFlag.read',
    query: SafetyFlagListQuery,
    success: {
      status: 200,
      description: 'A page of flags (clinicians) or of statuses (the patient).',
      schema: SafetyFlagListAnswer,
    },
    handler: ({ viewer, params, query }) => listSafetyFlags(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: FLAGS,
    idempotent: true,
    tag,
    params: PatientParams,
    summary:
      'Raise a safety flag by hand, with its urgency and reason; the rest of the care team gets an inbox item',
    who: TEAM,
    permission: 'safetyFlag.manage',
    body: RaiseSafetyFlagInput,
    success: { status: 201, description: 'The flag, OPEN.', schema: SafetyFlag },
    handler: ({ viewer, params, body, idempotency }) =>
      raiseSafetyFlag(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: `${FLAGS}/{flagId}/acknowledge`,
    ...onFlag,
    summary:
      'Acknowledge an OPEN flag: the team and the patient know someone has seen it; 409 when it is not OPEN',
    success: { status: 200, description: 'The flag, ACKNOWLEDGED.', schema: SafetyFlag },
    problems: [409],
    handler: ({ viewer, params }) => acknowledgeSafetyFlag(viewer, params.patientId, params.flagId),
  }),
  defineRoute({
    method: 'POST',
    path: `${FLAGS}/{flagId}/resolve`,
    ...onFlag,
    summary:
      'Resolve an ACKNOWLEDGED flag with its outcome and a note (required); 409 when it is OPEN (acknowledge it first) or already resolved',
    body: ResolveSafetyFlagInput,
    success: { status: 200, description: 'The flag, RESOLVED.', schema: SafetyFlag },
    problems: [409],
    handler: ({ viewer, params, body }) =>
      resolveSafetyFlag(viewer, params.patientId, params.flagId, body),
  }),
];
