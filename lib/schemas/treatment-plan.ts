// Treatment plans: the PUT body (the whole plan content), the patient's acknowledgement, comment
// and review request, and the answers of the treatment-plan API. Shared by the editor, the
// handlers and the OpenAPI document.
import { z } from 'zod';
import {
  GOAL_STATUSES,
  INTERVENTION_KINDS,
  MEASURE_DIRECTIONS,
  MEASURE_KINDS,
  REVIEW_REASONS,
  ROLES,
} from '@/lib/schemas/enums';

export {
  GOAL_STATUSES,
  INTERVENTION_KINDS,
  MEASURE_DIRECTIONS,
  MEASURE_KINDS,
  REVIEW_REASONS,
  type GoalStatus,
  type InterventionKind,
  type MeasureDirection,
  type MeasureKind,
} from '@/lib/schemas/enums';
import {
  Id,
  IsoDate,
  IsoDateTime,
  Limit,
  Page,
  Problem,
  SentBack,
  flagRepeats,
  freeText,
  readOnly,
  singleLine,
  pagingFields,
  Person,
} from '@/lib/schemas/common';
import {
  MAX_GOALS,
  MAX_INTERVENTIONS,
  PATIENT_SUMMARY_MAX,
  PATIENT_WORDING_MAX,
} from '@/lib/schemas/treatment-plan-values';
export { MAX_GOALS, MAX_INTERVENTIONS, PATIENT_SUMMARY_MAX, PATIENT_WORDING_MAX };
import { PlanInterventionInput } from '@/lib/schemas/plan-interventions';
import { GoalDisplayStatus, PlanMedication } from '@/lib/schemas/plan-status';
export { GoalDisplayStatus, PlanMedication, PlanInterventionInput };

export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** The highest score of each instrument: a target must lie within it. */
export const SCORE_MAX = { PHQ9: 27, GAD7: 21 } as const;

/** Nonblank free text of up to `max` characters (trimmed). */
function requiredText(max: number) {
  return freeText(max)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { message: 'Required.' }));
}

/**
 * One goal of a plan. `goalKey` names a goal of an earlier version that continues (its check-in
 * values follow it); leave it out for a new goal. A measurable goal's target fits its measure:
 * a PHQ-9 (0–27) or GAD-7 (0–21) score, or a personal measure with a name, a unit, a direction
 * and a target.
 */
export const PlanGoalInput = z
  .strictObject({
    goalKey: Id.optional(),
    description: singleLine(500),
    status: z.enum(GOAL_STATUSES),
    measureKind: z.enum(MEASURE_KINDS),
    measureName: singleLine(100).nullable().optional(),
    measureUnit: singleLine(40).nullable().optional(),
    direction: z.enum(MEASURE_DIRECTIONS).nullable().optional(),
    targetValue: z.number().finite().min(0).max(1_000_000).nullable().optional(),
    targetDate: IsoDate.nullable().optional(),
    /** The goal as the patient reads it (the patient sees `description` when it is absent). */
    patientWording: singleLine(PATIENT_WORDING_MAX).nullable().optional(),
  })
  .superRefine((goal, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (goal.measureKind === 'NONE') {
      for (const field of ['measureName', 'measureUnit', 'direction', 'targetValue'] as const) {
        if (goal[field] !== undefined && goal[field] !== null) {
          issue(field, 'A goal without a measure has no target; choose a measure first.');
        }
      }
      return;
    }
    if (goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7') {
      const max = SCORE_MAX[goal.measureKind];
      const name = goal.measureKind === 'PHQ9' ? 'PHQ-9' : 'GAD-7';
      if (goal.targetValue === undefined || goal.targetValue === null) {
        issue('targetValue', `Enter the ${name} score to reach (0–${max}).`);
      } else if (!Number.isInteger(goal.targetValue) || goal.targetValue > max) {
        issue('targetValue', `A ${name} score is a whole number from 0 to ${max}.`);
      }
      if (!goal.direction) issue('direction', 'Choose “at most” or “at least”.');
      if (goal.measureUnit) issue('measureUnit', `A ${name} score has no unit.`);
      return;
    }
    if (!goal.measureName) issue('measureName', 'Name the measure, e.g. “Panic attacks”.');
    if (!goal.measureUnit) issue('measureUnit', 'Give a unit, e.g. “per week” or “minutes”.');
    if (!goal.direction) issue('direction', 'Choose “at most” or “at least”.');
    if (goal.targetValue === undefined || goal.targetValue === null) {
      issue('targetValue', 'Enter the target value.');
    }
  });
export type PlanGoalInput = z.infer<typeof PlanGoalInput>;

const planContent = {
  presentingConcerns: requiredText(5000),
  patientGoalsOwnWords: freeText(2000).transform((s) => s.trim()),
  reviewBy: IsoDate.nullable(),
  assessmentIntervalDays: z.int().min(7).max(90),
  goals: z.array(PlanGoalInput).max(MAX_GOALS),
  interventions: z.array(PlanInterventionInput).max(MAX_INTERVENTIONS),
  changeSummary: freeText(1000)
    .transform((s) => s.trim())
    .optional(),
  /** What this version changed, in words for the patient (they never read `changeSummary`). */
  patientSummary: freeText(PATIENT_SUMMARY_MAX)
    .transform((s) => s.trim())
    .optional(),
};

/** A goal continued by its `goalKey` appears once in a version. */
function goalsOnce(plan: { goals: { goalKey?: string }[] }, ctx: z.RefinementCtx) {
  const keyOf = (goal: { goalKey?: string }) => goal.goalKey || undefined;
  flagRepeats(ctx, plan.goals, ['goals', 'goalKey'], keyOf, 'This goal appears twice.');
}

/**
 * The whole content of the next version of a plan (nothing is carried over implicitly). An empty
 * `changeSummary` is written from the difference with the previous version.
 */
export const TreatmentPlanInput = z.strictObject(planContent).superRefine(goalsOnce);
export type TreatmentPlanInput = z.input<typeof TreatmentPlanInput>;
export type TreatmentPlanContent = z.output<typeof TreatmentPlanInput>;

/**
 * PUT /api/v1/patients/{patientId}/treatment-plan: TreatmentPlanInput, or the `plan` a GET
 * answered sent back with changes: its read-only members (`version`, `createdAt`, `author`, the
 * interventions' `owner`) are ignored, a null `changeSummary` is an empty one, and any other
 * unknown member is still refused. A null `patientSummary` is an empty one.
 */
export const TreatmentPlanPutInput = z
  .strictObject({
    ...planContent,
    interventions: z
      .array(PlanInterventionInput.extend({ owner: SentBack }))
      .max(MAX_INTERVENTIONS),
    changeSummary: planContent.changeSummary.nullable(),
    patientSummary: planContent.patientSummary.nullable(),
    version: SentBack,
    createdAt: SentBack,
    author: SentBack,
  })
  .superRefine(goalsOnce)
  .transform(
    ({
      version: _v,
      createdAt: _c,
      author: _a,
      changeSummary,
      patientSummary,
      ...plan
    }): TreatmentPlanContent => ({
      ...plan,
      changeSummary: changeSummary ?? undefined,
      patientSummary: patientSummary ?? undefined,
      interventions: plan.interventions.map(({ owner: _owner, ...intervention }) => intervention),
    }),
  );

/** POST .../treatment-plan/acknowledgements: the version the patient read (must be the current). */
export const AcknowledgePlanInput = z.strictObject({ version: z.int().min(1) });
export type AcknowledgePlanInput = z.infer<typeof AcknowledgePlanInput>;

/** POST .../treatment-plan/comments: a comment on the current version. */
export const PlanCommentInput = z.strictObject({ body: requiredText(2000) });
export type PlanCommentInput = z.input<typeof PlanCommentInput>;

/** POST .../treatment-plan/review-requests: why the patient wants to revisit the plan. */
export const PlanReviewRequestInput = z.strictObject({
  reason: z.enum(REVIEW_REASONS),
  detail: freeText(2000)
    .transform((s) => s.trim())
    .optional(),
});
export type PlanReviewRequestInput = z.input<typeof PlanReviewRequestInput>;

/** Path parameters. */
export const PlanVersionParams = z.strictObject({
  patientId: Id,
  version: z.string().regex(/^[1-9][0-9]{0,5}$/, { message: 'Not a version number.' }),
});
export const ReviewRequestParams = z.strictObject({ patientId: Id, requestId: Id });

const VersionNumber = z
  .union([z.int(), z.string().regex(/^[1-9][0-9]{0,5}$/, { message: 'Not a version number.' })])
  .pipe(z.coerce.number<string | number>().int().min(1));

/** GET .../treatment-plan/diff?from=&to= */
export const PlanDiffQuery = z.strictObject({ from: VersionNumber, to: VersionNumber });

/** GET .../treatment-plan/versions: newest first; `cursor` is the last version number seen. */
export const PlanVersionListQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, { message: 'Not a cursor this API gave out.' })
    .optional(),
  limit: Limit,
});

/** GET .../treatment-plan/comments: newest first. */
export const PlanCommentListQuery = z.strictObject({ ...pagingFields });

// ----------------------------------------------------------------------------------------------
// Answers

const Author = Person(ROLES);

export const PlanGoal = z.object({
  goalKey: Id,
  description: z.string(),
  status: z.enum(GOAL_STATUSES),
  measureKind: z.enum(MEASURE_KINDS),
  measureName: z.string().nullable(),
  measureUnit: z.string().nullable(),
  direction: z.enum(MEASURE_DIRECTIONS).nullable(),
  targetValue: z.number().nullable(),
  targetDate: IsoDate.nullable(),
  patientWording: z.string().nullable(),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const PlanIntervention = z.object({
  kind: z.enum(INTERVENTION_KINDS),
  description: z.string(),
  ownerId: Id.nullable(),
  owner: readOnly(Author.nullable()),
  frequency: z.string(),
  /** The regimen's key of the medication it is about, or null. */
  medicationKey: z.string().nullable(),
});
export type PlanIntervention = z.infer<typeof PlanIntervention>;

/** One immutable version of a plan. */
export const PlanVersion = z.object({
  version: readOnly(z.int()),
  createdAt: readOnly(IsoDateTime),
  author: readOnly(Author),
  changeSummary: z.string().nullable(),
  patientSummary: z.string().nullable(),
  presentingConcerns: z.string(),
  patientGoalsOwnWords: z.string(),
  reviewBy: IsoDate.nullable(),
  assessmentIntervalDays: z.int(),
  goals: z.array(PlanGoal),
  interventions: z.array(PlanIntervention),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const ProgressPoint = z.object({ on: IsoDate, value: z.number() });

/** Progress toward one measurable goal, computed from the data (lib/clinical/goal-progress.ts). */
export const GoalProgress = z.object({
  goalKey: Id,
  /** `assessment`: each PHQ-9/GAD-7; `daily`: each check-in value; `weekly`: 7-day sums. */
  basis: z.enum(['assessment', 'daily', 'weekly']),
  latest: ProgressPoint.nullable(),
  met: z.boolean().nullable(),
  trend: z.enum(['improving', 'steady', 'worsening']).nullable(),
  points: z.array(ProgressPoint),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const PlanReviewRequest = z.object({
  id: Id,
  reason: z.enum(REVIEW_REASONS),
  detail: z.string().nullable(),
  createdAt: IsoDateTime,
  resolvedAt: IsoDateTime.nullable(),
  resolvedBy: Author.nullable(),
});
export type PlanReviewRequest = z.infer<typeof PlanReviewRequest>;

export const PlanAcknowledgement = z.object({ version: z.int(), acknowledgedAt: IsoDateTime });
export type PlanAcknowledgement = z.infer<typeof PlanAcknowledgement>;

/**
 * GET .../treatment-plan: the current version (null before the first is written; the ETag is
 * then "0"), progress toward its measurable goals, the patient's latest acknowledgement, the open
 * review requests, and the active clinicians of the care team (the possible owners).
 */
export const TreatmentPlanView = z.object({
  version: z.int(),
  plan: PlanVersion.nullable(),
  progress: z.array(GoalProgress),
  /** Each goal's displayed status, computed on the server's today. */
  goalStatuses: z.array(GoalDisplayStatus),
  /** The patient's medications, active, held or stopped, for the plan's medication items. */
  medications: z.array(PlanMedication),
  acknowledged: PlanAcknowledgement.nullable(),
  openReviewRequests: z.array(PlanReviewRequest),
  careTeam: z.array(Author),
});
export type TreatmentPlanView = z.infer<typeof TreatmentPlanView>;

export const PlanVersionSummary = z.object({
  version: z.int(),
  createdAt: IsoDateTime,
  author: Author,
  changeSummary: z.string().nullable(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

export const PlanVersionList = Page(PlanVersionSummary);
export type PlanVersionList = z.infer<typeof PlanVersionList>;

export const PlanComment = z.object({
  id: Id,
  version: z.int(),
  author: Author,
  body: z.string(),
  createdAt: IsoDateTime,
});
export type PlanComment = z.infer<typeof PlanComment>;

export const PlanCommentList = Page(PlanComment);
export type PlanCommentList = z.infer<typeof PlanCommentList>;

/**
 * The 412 of a versioned save (the treatment plan, the safety plan): `currentVersion` (and the
 * ETag) name the version saved since; a malformed If-Match is a 412 too, without them.
 */
export const StalePlanProblem = Problem.extend({ currentVersion: z.int().optional() });
