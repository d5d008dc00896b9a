// The treatment plan's data access, one file per verb (docs/decisions/018-one-shape.md):
// read (the current plan), save (a new version), history (versions and diffs), comments,
// review requests and acknowledgements; current.ts is the one lookup of the current plan.
export { getTreatmentPlan } from '@/lib/data/treatment-plans/read';
export { saveTreatmentPlan } from '@/lib/data/treatment-plans/save';
export {
  diffPlanVersions,
  getPlanVersion,
  listPlanVersions,
} from '@/lib/data/treatment-plans/history';
export { addPlanComment, listPlanComments } from '@/lib/data/treatment-plans/comments';
export { requestPlanReview, resolvePlanReview } from '@/lib/data/treatment-plans/review-requests';
export { acknowledgeTreatmentPlan } from '@/lib/data/treatment-plans/acknowledgements';
export { currentPlanVersion, type CurrentPlan } from '@/lib/data/treatment-plans/current';
