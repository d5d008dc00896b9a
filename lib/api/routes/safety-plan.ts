// The Stanley–Brown safety plan, versioned and saved with If-Match like the treatment plan
// (issue 12; docs/decisions/009-treatment-plan-versions.md for the recipe).
import { StalePlanProblem } from '@/lib/schemas/treatment-plan';
import { defineRoute } from '@/lib/api/define-route';
import { ok } from '@/lib/api/responses';
import { getSafetyPlan, listSafetyPlanVersions, saveSafetyPlan } from '@/lib/data/safety-plan';
import { PatientParams } from '@/lib/schemas/patients';
import {
  SafetyPlanInput,
  SafetyPlanVersion,
  SafetyPlanVersionList,
  SafetyPlanVersionListQuery,
  SafetyPlanView,
} from '@/lib/schemas/safety-plan';

const PLAN = '/api/v1/patients/{patientId}/safety-plan';
const tag = 'Safety plan';
const READERS =
  'The patient and clinicians on their active care team; admins get 403, anyone else 404.';
const EDITORS =
  'The patient and therapists on their active care team (written together); prescribers and admins get 403, anyone else 404.';
const etag = (version: number) => ({ headers: { ETag: `"${version}"` } });

/** The routes of the safety-plan API. */
export const safetyPlanRoutes = [
  defineRoute({
    method: 'GET',
    path: PLAN,
    tag,
    summary: 'The current safety plan, with the care team and the crisis lines',
    who: `${READERS} The answer carries \`ETag: "<version>"\`; before the first version it is 200 with \`plan: null\` and \`ETag: "0"\`. \`crisisLines\` (988, 911) and \`careTeam\` are always there: they cannot be removed from a plan.`,
    permission: 'safetyPlan.read',
    params: PatientParams,
    success: {
      status: 200,
      description: 'The current version and its context.',
      schema: SafetyPlanView,
    },
    handler: async ({ viewer, params }) => {
      const view = await getSafetyPlan(viewer, params.patientId);
      return ok(view, etag(view.version));
    },
  }),
  defineRoute({
    method: 'PUT',
    path: PLAN,
    tag,
    summary: 'Save the next version of the safety plan',
    who: `${EDITORS} Needs \`If-Match: "<version>"\` (the ETag of GET; \`"0"\` for the first version): 428 without it, 412 when another version was saved since (the answer's \`currentVersion\` and ETag say which). The body is the whole plan, every section; the \`plan\` of GET may be sent back with changes.`,
    permission: 'safetyPlan.edit',
    params: PatientParams,
    ifMatch: true,
    body: SafetyPlanInput,
    success: {
      status: 200,
      description: 'The new version (its number in the ETag).',
      schema: SafetyPlanVersion,
    },
    problems: [
      {
        status: 412,
        description:
          'Another version was saved since: `currentVersion` (and the ETag) say which. A malformed If-Match is a 412 without them.',
        schema: StalePlanProblem,
      },
    ],
    handler: async ({ viewer, params, ifMatch, body }) => {
      const saved = await saveSafetyPlan(viewer, params.patientId, ifMatch, body);
      return ok(saved, etag(saved.version));
    },
  }),
  defineRoute({
    method: 'GET',
    path: `${PLAN}/versions`,
    tag,
    summary: 'Every version of the safety plan, newest first',
    who: READERS,
    permission: 'safetyPlan.read',
    params: PatientParams,
    query: SafetyPlanVersionListQuery,
    success: { status: 200, description: 'A page of versions.', schema: SafetyPlanVersionList },
    handler: ({ viewer, params, query }) => listSafetyPlanVersions(viewer, params.patientId, query),
  }),
] as const;
