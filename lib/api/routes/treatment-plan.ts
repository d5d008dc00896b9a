// Treatment plans, their versions and the patient's part in them (issue 7).
import type { ApiRoute } from '@/lib/api/registry';
import { PatientParams } from '@/lib/schemas/patients';
import {
  AcknowledgePlanInput,
  PlanAcknowledgement,
  PlanComment,
  PlanCommentInput,
  PlanCommentList,
  PlanCommentListQuery,
  PlanDiff,
  PlanDiffQuery,
  PlanReviewRequest,
  PlanReviewRequestInput,
  PlanVersion,
  PlanVersionList,
  PlanVersionListQuery,
  PlanVersionParams,
  ReviewRequestParams,
  TreatmentPlanInput,
  TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';

const patientPath = { params: PatientParams };
const TAG = 'Treatment plan';
const READERS =
  'The patient and clinicians on their active care team; admins get 403, anyone else 404.';
const EDITORS =
  'Prescribers and therapists on the patient’s active care team; the patient and admins get 403, anyone else 404.';
const PATIENT_ONLY =
  'The patient themself; clinicians on the team and admins get 403, anyone else 404.';

/** The routes of the treatment-plan API. */
export const treatmentPlanRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/treatment-plan',
    tag: TAG,
    summary: 'The current plan, with progress toward its measurable goals',
    who: `${READERS} The answer carries \`ETag: "<version>"\`; before the first version it is 200 with \`plan: null\`, \`version: 0\` and \`ETag: "0"\`.`,
    ...patientPath,
    success: {
      status: 200,
      description: 'The current version and its context.',
      schema: TreatmentPlanView,
    },
    problems: [403, 404],
  },
  {
    method: 'PUT',
    path: '/api/v1/patients/{patientId}/treatment-plan',
    tag: TAG,
    summary: 'Save the next version of the plan',
    who: `${EDITORS} Needs \`If-Match: "<version>"\` (the ETag of GET; \`"0"\` for the first version): 428 without it, 412 when another version was saved since (the answer's \`currentVersion\` and ETag say which). The body is the whole plan; goals keep their \`goalKey\` across versions. An empty \`changeSummary\` is written from the changes.`,
    ...patientPath,
    body: TreatmentPlanInput,
    success: {
      status: 200,
      description: 'The new version (its number in the ETag).',
      schema: PlanVersion,
    },
    problems: [400, 403, 404, 412, 413, 415, 428],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/treatment-plan/versions',
    tag: TAG,
    summary: 'Every version of the plan, newest first',
    who: READERS,
    ...patientPath,
    query: PlanVersionListQuery,
    success: { status: 200, description: 'A page of versions.', schema: PlanVersionList },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/treatment-plan/versions/{version}',
    tag: TAG,
    summary: 'One version of the plan',
    who: READERS,
    params: PlanVersionParams,
    success: { status: 200, description: 'The version.', schema: PlanVersion },
    problems: [403, 404],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/treatment-plan/diff',
    tag: TAG,
    summary: 'What changed between two versions',
    who: READERS,
    ...patientPath,
    query: PlanDiffQuery,
    success: { status: 200, description: 'The difference from `from` to `to`.', schema: PlanDiff },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/treatment-plan/acknowledgements',
    idempotent: true,
    tag: TAG,
    summary: 'The patient acknowledges the current version',
    who: `${PATIENT_ONLY} Idempotent; 409 when \`version\` is not the current one.`,
    ...patientPath,
    body: AcknowledgePlanInput,
    success: { status: 200, description: 'The acknowledgement.', schema: PlanAcknowledgement },
    problems: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/treatment-plan/comments',
    tag: TAG,
    summary: 'Comments on the plan, newest first',
    who: READERS,
    ...patientPath,
    query: PlanCommentListQuery,
    success: { status: 200, description: 'A page of comments.', schema: PlanCommentList },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/treatment-plan/comments',
    idempotent: true,
    tag: TAG,
    summary: 'Comment on the current version',
    who: `${READERS} Clinicians may reply. 404 before the first version.`,
    ...patientPath,
    body: PlanCommentInput,
    success: { status: 201, description: 'The comment.', schema: PlanComment },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/treatment-plan/review-requests',
    idempotent: true,
    tag: TAG,
    summary: 'The patient asks for a plan review',
    who: `${PATIENT_ONLY} Raises the “review requested” flag on the caseload until resolved.`,
    ...patientPath,
    body: PlanReviewRequestInput,
    success: { status: 201, description: 'The request.', schema: PlanReviewRequest },
    problems: [400, 403, 404, 413, 415],
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/treatment-plan/review-requests/{requestId}/resolve',
    tag: TAG,
    summary: 'Resolve a plan review request',
    who: `${EDITORS} 409 when already resolved.`,
    params: ReviewRequestParams,
    success: { status: 200, description: 'The resolved request.', schema: PlanReviewRequest },
    problems: [403, 404, 409],
  },
];
