// Treatment plans, their versions and the patient's part in them
// (docs/decisions/009-treatment-plan-versions.md).
import { defineRoute } from '@/lib/api/define-route';
import { ok } from '@/lib/api/responses';
import {
  acknowledgeTreatmentPlan,
  addPlanComment,
  diffPlanVersions,
  getPlanVersion,
  getTreatmentPlan,
  listPlanComments,
  listPlanVersions,
  requestPlanReview,
  resolvePlanReview,
  saveTreatmentPlan,
} from '@/lib/data/treatment-plans';
import { PatientParams } from '@/lib/schemas/patients';
import { PlanDiff } from '@/lib/schemas/plan-diff';
import {
  AcknowledgePlanInput,
  PlanAcknowledgement,
  PlanComment,
  PlanCommentInput,
  PlanCommentList,
  PlanCommentListQuery,
  PlanDiffQuery,
  PlanReviewRequest,
  PlanReviewRequestInput,
  PlanVersion,
  PlanVersionList,
  PlanVersionListQuery,
  PlanVersionParams,
  ReviewRequestParams,
  StalePlanProblem,
  TreatmentPlanPutInput,
  TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';

const PLAN = '/api/v1/patients/{patientId}/treatment-plan';
const tag = 'Treatment plan';
const READERS =
  'The patient and clinicians on their active care team; admins get 403, anyone else 404.';
const EDITORS =
  'Prescribers and therapists on the patient’s active care team; the patient and admins get 403, anyone else 404.';
const PATIENT_ONLY =
  'The patient themself; clinicians on the team and admins get 403, anyone else 404.';
/** Whoever may read the plan, on the patient's path. */
const reader = {
  tag,
  who: READERS,
  permission: 'treatmentPlan.read',
  params: PatientParams,
} as const;
const etag = (version: number) => ({ headers: { ETag: `"${version}"` } });
const stale = {
  status: 412,
  description: 'Another version was saved since: `currentVersion` (and the ETag) say which.',
  schema: StalePlanProblem,
};

/** The routes of the treatment-plan API. */
export const treatmentPlanRoutes = [
  defineRoute({
    method: 'GET',
    path: PLAN,
    ...reader,
    summary: 'The current plan, with progress toward its measurable goals',
    who: `${READERS} The answer carries \`ETag: "<version>"\`; before the first version it is 200 with \`plan: null\`, \`version: 0\` and \`ETag: "0"\`.`,
    success: {
      status: 200,
      description: 'The current version and its context.',
      schema: TreatmentPlanView,
    },
    handler: async ({ viewer, params }) => {
      const view = await getTreatmentPlan(viewer, params.patientId);
      return ok(view, etag(view.version));
    },
  }),
  defineRoute({
    method: 'PUT',
    path: PLAN,
    tag,
    summary: 'Save the next version of the plan',
    who: `${EDITORS} Needs \`If-Match: "<version>"\` (the ETag of GET; \`"0"\` for the first version): 428 without it, 412 when another version was saved since (the answer's \`currentVersion\` and ETag say which). The body is the whole plan; goals keep their \`goalKey\` across versions. The \`plan\` of GET may be sent back with changes: its read-only members are ignored. An empty \`changeSummary\` is written from the changes.`,
    permission: 'treatmentPlan.edit',
    params: PatientParams,
    ifMatch: true,
    body: TreatmentPlanPutInput,
    success: {
      status: 200,
      description: 'The new version (its number in the ETag).',
      schema: PlanVersion,
    },
    problems: [stale],
    handler: async ({ viewer, params, ifMatch, body }) => {
      const saved = await saveTreatmentPlan(viewer, params.patientId, ifMatch, body);
      return ok(saved, etag(saved.version));
    },
  }),
  defineRoute({
    method: 'GET',
    path: `${PLAN}/versions`,
    ...reader,
    summary: 'Every version of the plan, newest first',
    query: PlanVersionListQuery,
    success: { status: 200, description: 'A page of versions.', schema: PlanVersionList },
    handler: ({ viewer, params, query }) => listPlanVersions(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'GET',
    path: `${PLAN}/versions/{version}`,
    ...reader,
    summary: 'One version of the plan',
    params: PlanVersionParams,
    success: { status: 200, description: 'The version.', schema: PlanVersion },
    handler: ({ viewer, params }) =>
      getPlanVersion(viewer, params.patientId, Number(params.version)),
  }),
  defineRoute({
    method: 'GET',
    path: `${PLAN}/diff`,
    ...reader,
    summary: 'What changed between two versions',
    query: PlanDiffQuery,
    success: { status: 200, description: 'The difference from `from` to `to`.', schema: PlanDiff },
    handler: ({ viewer, params, query }) =>
      diffPlanVersions(viewer, params.patientId, query.from, query.to),
  }),
  defineRoute({
    method: 'POST',
    path: `${PLAN}/acknowledgements`,
    idempotent: true,
    tag,
    summary: 'The patient acknowledges the current version',
    who: `${PATIENT_ONLY} Idempotent; 409 when \`version\` is not the current one.`,
    permission: 'treatmentPlan.acknowledge',
    params: PatientParams,
    body: AcknowledgePlanInput,
    success: { status: 200, description: 'The acknowledgement.', schema: PlanAcknowledgement },
    problems: [409],
    handler: ({ viewer, params, body, idempotency }) =>
      acknowledgeTreatmentPlan(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'GET',
    path: `${PLAN}/comments`,
    ...reader,
    summary: 'Comments on the plan, newest first',
    query: PlanCommentListQuery,
    success: { status: 200, description: 'A page of comments.', schema: PlanCommentList },
    handler: ({ viewer, params, query }) => listPlanComments(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: `${PLAN}/comments`,
    idempotent: true,
    ...reader,
    summary: 'Comment on the current version',
    who: `${READERS} Clinicians may reply. 404 before the first version.`,
    body: PlanCommentInput,
    success: { status: 201, description: 'The comment.', schema: PlanComment },
    handler: ({ viewer, params, body, idempotency }) =>
      addPlanComment(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: `${PLAN}/review-requests`,
    idempotent: true,
    tag,
    summary: 'The patient asks for a plan review',
    who: `${PATIENT_ONLY} Raises the “review requested” flag on the caseload until resolved.`,
    permission: 'treatmentPlan.requestReview',
    params: PatientParams,
    body: PlanReviewRequestInput,
    success: { status: 201, description: 'The request.', schema: PlanReviewRequest },
    handler: ({ viewer, params, body, idempotency }) =>
      requestPlanReview(viewer, params.patientId, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: `${PLAN}/review-requests/{requestId}/resolve`,
    tag,
    summary: 'Resolve a plan review request',
    who: `${EDITORS} 409 when already resolved.`,
    permission: 'treatmentPlan.edit',
    params: ReviewRequestParams,
    success: { status: 200, description: 'The resolved request.', schema: PlanReviewRequest },
    problems: [409],
    handler: ({ viewer, params }) => resolvePlanReview(viewer, params.patientId, params.requestId),
  }),
] as const;
