import 'server-only';
import type { z } from 'zod';
import type { Idempotency } from '@/lib/idempotency';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Permission } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import {
  POINTS_SHOWN,
  WEEKS_SHOWN,
  goalProgress,
  isMeasurable,
  isWeeklyUnit,
  type MeasuredValue,
} from '@/lib/clinical/goal-progress';
import { changeSummaryOf, diffPlans } from '@/lib/clinical/plan-diff';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess, type ScopedPatient } from '@/lib/data/patient-access';
import {
  ConflictError,
  NotFoundError,
  InvalidInputError,
  StalePlanError,
  invalidCursor,
  type FieldError,
  parseInput,
} from '@/lib/errors';
import { toIsoDate } from '@/lib/format';

import {
  PlanCommentListQuery,
  PlanVersionListQuery,
  type AcknowledgePlanInput,
  type GoalProgress,
  type PlanAcknowledgement,
  type PlanComment,
  type PlanCommentList,
  type PlanDiff,
  type PlanReviewRequest,
  type PlanVersion,
  type PlanVersionList,
  type TreatmentPlanContent,
  type TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';
import { fromIsoDate } from '@/lib/calendar-date';

/** The PUT's If-Match named an older version: 412, and the answer says which version is current. */
// Generous bounds: a real plan holds far fewer, but no read is unbounded.
const MAX_ROWS = 100;
const MAX_OPEN_REVIEW_REQUESTS = 20;

const personSelect = { id: true, name: true, role: true } as const;

const versionSelect = {
  version: true,
  createdAt: true,
  changeSummary: true,
  presentingConcerns: true,
  patientGoalsOwnWords: true,
  reviewBy: true,
  assessmentIntervalDays: true,
  author: { select: personSelect },
  goals: {
    orderBy: { position: 'asc' },
    take: MAX_ROWS,
    select: {
      goalKey: true,
      description: true,
      status: true,
      measureKind: true,
      measureName: true,
      measureUnit: true,
      direction: true,
      targetValue: true,
      targetDate: true,
    },
  },
  interventions: {
    orderBy: { position: 'asc' },
    take: MAX_ROWS,
    select: {
      kind: true,
      description: true,
      ownerId: true,
      frequency: true,
      owner: { select: personSelect },
    },
  },
} as const satisfies Prisma.TreatmentPlanVersionSelect;

type VersionRow = Prisma.TreatmentPlanVersionGetPayload<{ select: typeof versionSelect }>;

function toPlanVersion(row: VersionRow): PlanVersion {
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    changeSummary: row.changeSummary,
    presentingConcerns: row.presentingConcerns,
    patientGoalsOwnWords: row.patientGoalsOwnWords,
    reviewBy: row.reviewBy ? toIsoDate(row.reviewBy) : null,
    assessmentIntervalDays: row.assessmentIntervalDays,
    goals: row.goals.map((g) => ({
      ...g,
      targetDate: g.targetDate ? toIsoDate(g.targetDate) : null,
    })),
    interventions: row.interventions,
  };
}

async function findPlan(tx: Tx, patient: ScopedPatient) {
  return tx.treatmentPlan.findFirst({
    where: { patientId: patient.id, organizationId: patient.organizationId },
    select: { id: true, currentVersion: true },
  });
}

async function findVersion(
  tx: Tx,
  patient: ScopedPatient,
  planId: string,
  version: number,
): Promise<PlanVersion | null> {
  const row = await tx.treatmentPlanVersion.findFirst({
    where: { planId, version, patientId: patient.id, organizationId: patient.organizationId },
    select: versionSelect,
  });
  return row ? toPlanVersion(row) : null;
}

async function activeClinicians(tx: Tx, patient: ScopedPatient) {
  const rows = await tx.careTeamMembership.findMany({
    // SECURITY: only active members of this patient's team, in the patient's organization.
    where: {
      patientId: patient.id,
      organizationId: patient.organizationId,
      endedAt: null,
      clinician: {
        role: { in: ['PRESCRIBER', 'THERAPIST'] },
        organizationId: patient.organizationId,
        disabledAt: null,
      },
    },
    orderBy: { startedAt: 'asc' },
    take: MAX_ROWS,
    select: { clinician: { select: personSelect } },
  });
  const seen = new Set<string>();
  return rows
    .map((r) => r.clinician)
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

async function progressOf(
  tx: Tx,
  patient: ScopedPatient,
  plan: PlanVersion,
): Promise<GoalProgress[]> {
  const scope = { patientId: patient.id, organizationId: patient.organizationId };
  const today = toIsoDate(new Date());
  const scores = new Map<string, MeasuredValue[]>();
  const progress: GoalProgress[] = [];
  for (const goal of plan.goals.filter(isMeasurable)) {
    let values: MeasuredValue[];
    if (goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7') {
      const instrument = goal.measureKind;
      if (!scores.has(instrument)) {
        const rows = await tx.assessment.findMany({
          where: { ...scope, instrument },
          orderBy: { completedAt: 'desc' },
          take: POINTS_SHOWN,
          select: { score: true, completedAt: true },
        });
        scores.set(
          instrument,
          rows.reverse().map((r) => ({ on: toIsoDate(r.completedAt), value: r.score })),
        );
      }
      values = scores.get(instrument)!;
    } else {
      const weekly = isWeeklyUnit(goal.measureUnit);
      const since = new Date(fromIsoDate(today).getTime() - (WEEKS_SHOWN * 7 - 1) * 86_400_000);
      const rows = await tx.checkInMeasureValue.findMany({
        where: {
          ...scope,
          goalKey: goal.goalKey,
          ...(weekly ? { reportedOn: { gte: since } } : {}),
        },
        orderBy: { reportedOn: 'desc' },
        // One value a day (one check-in a day), so a weekly window holds at most 7 * WEEKS_SHOWN.
        take: weekly ? WEEKS_SHOWN * 7 : POINTS_SHOWN,
        select: { value: true, reportedOn: true },
      });
      values = rows.reverse().map((r) => ({ on: toIsoDate(r.reportedOn), value: r.value }));
    }
    progress.push(goalProgress(goal, values, today));
  }
  return progress;
}

function toReviewRequest(row: {
  id: string;
  reason: PlanReviewRequest['reason'];
  detail: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: PlanReviewRequest['resolvedBy'];
}): PlanReviewRequest {
  return {
    id: row.id,
    reason: row.reason,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
  };
}

const reviewRequestSelect = {
  id: true,
  reason: true,
  detail: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: { select: personSelect },
} as const satisfies Prisma.PlanReviewRequestSelect;

async function latestAcknowledgement(
  tx: Tx,
  patient: ScopedPatient,
  planId: string,
): Promise<PlanAcknowledgement | null> {
  const row = await tx.planAcknowledgement.findFirst({
    where: {
      patientId: patient.id,
      organizationId: patient.organizationId,
      planVersion: { planId },
    },
    orderBy: { planVersion: { version: 'desc' } },
    select: { acknowledgedAt: true, planVersion: { select: { version: true } } },
  });
  return row
    ? { version: row.planVersion.version, acknowledgedAt: row.acknowledgedAt.toISOString() }
    : null;
}

/**
 * The patient and clinicians on their active care team: the current plan version (null before the
 * first, at version 0), progress toward its measurable goals, the patient's latest
 * acknowledgement, open review requests and the care team. NotFoundError out of scope;
 * ForbiddenError for admins.
 */
export async function getTreatmentPlan(
  viewer: Viewer,
  patientId: string,
): Promise<TreatmentPlanView> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'treatmentPlan.read', action: 'read', resourceType: 'treatmentPlan' },
    async (tx, patient) => {
      const careTeam = await activeClinicians(tx, patient);
      const row = await findPlan(tx, patient);
      const plan =
        row && row.currentVersion > 0
          ? await findVersion(tx, patient, row.id, row.currentVersion)
          : null;
      if (!row || !plan) {
        return {
          version: 0,
          plan: null,
          progress: [],
          acknowledged: null,
          openReviewRequests: [],
          careTeam,
        };
      }
      const openReviewRequests = await tx.planReviewRequest.findMany({
        where: { patientId: patient.id, organizationId: patient.organizationId, resolvedAt: null },
        orderBy: { createdAt: 'desc' },
        take: MAX_OPEN_REVIEW_REQUESTS,
        select: reviewRequestSelect,
      });
      return {
        version: plan.version,
        plan,
        progress: await progressOf(tx, patient, plan),
        acknowledged: await latestAcknowledgement(tx, patient, row.id),
        openReviewRequests: openReviewRequests.map(toReviewRequest),
        careTeam,
      };
    },
  );
}

/**
 * Prescribers and therapists on the patient's active care team: writes the next version of the
 * plan (the whole content) when `expectedVersion` is still current, else StalePlanError (412).
 * SECURITY/integrity (no lost update): the version moves by a compare-and-set in SQL, in the
 * same transaction as the version insert, so concurrent saves on one version yield exactly one
 * winner and gapless numbers. Owners must be active clinicians of this team and goal keys must
 * name goals of this plan (400 on the field otherwise).
 */
export async function saveTreatmentPlan(
  viewer: Viewer,
  patientId: string,
  expectedVersion: number,
  input: TreatmentPlanContent,
): Promise<PlanVersion> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'treatmentPlan.edit', action: 'update', resourceType: 'treatmentPlan' },
    async (tx, patient) => {
      const issues: FieldError[] = [];
      const owners = new Set((await activeClinicians(tx, patient)).map((c) => c.id));
      input.interventions.forEach((item, index) => {
        if (!owners.has(item.ownerId)) {
          issues.push({
            path: ['interventions', index, 'ownerId'].join('.'),
            message: 'Choose a clinician on this patient’s care team.',
          });
        }
      });

      if (expectedVersion === 0) {
        // The first save makes the plan's row; a concurrent first save finds it and loses below.
        await tx.$executeRaw`
          INSERT INTO "TreatmentPlan" ("organizationId", "patientId", "currentVersion", "updatedAt")
          VALUES (${patient.organizationId}::uuid, ${patient.id}::uuid, 0, now())
          ON CONFLICT ("patientId") DO NOTHING`;
      }
      const plan = await findPlan(tx, patient);
      if (!plan) throw new StalePlanError(0);

      const sentKeys = input.goals.flatMap((g) => (g.goalKey ? [g.goalKey] : []));
      const known = new Set(
        sentKeys.length
          ? (
              await tx.planGoal.findMany({
                where: {
                  organizationId: patient.organizationId,
                  goalKey: { in: sentKeys },
                  planVersion: { planId: plan.id, patientId: patient.id },
                },
                distinct: ['goalKey'],
                take: MAX_ROWS,
                select: { goalKey: true },
              })
            ).map((g) => g.goalKey)
          : [],
      );
      input.goals.forEach((goal, index) => {
        if (goal.goalKey && !known.has(goal.goalKey)) {
          issues.push({
            path: ['goals', index, 'goalKey'].join('.'),
            message: 'Not a goal of this plan; leave goalKey out for a new goal.',
          });
        }
      });
      if (issues.length) throw new InvalidInputError(issues);

      // SECURITY: the compare-and-set. Under concurrency the second UPDATE waits for the first
      // to commit, then re-reads the row, no longer matches and changes nothing.
      const moved = await tx.$executeRaw`
        UPDATE "TreatmentPlan" SET "currentVersion" = "currentVersion" + 1, "updatedAt" = now()
        WHERE "id" = ${plan.id}::uuid AND "organizationId" = ${patient.organizationId}::uuid
          AND "currentVersion" = ${expectedVersion}`;
      if (moved !== 1) {
        const now = await findPlan(tx, patient);
        throw new StalePlanError(now?.currentVersion ?? 0);
      }
      const version = expectedVersion + 1;
      const previous =
        expectedVersion > 0 ? await findVersion(tx, patient, plan.id, expectedVersion) : null;

      const organizationId = patient.organizationId;
      const goals = input.goals.map((goal, position) => {
        const isScore = goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7';
        return {
          organizationId,
          goalKey: goal.goalKey ?? randomUUID(),
          position,
          description: goal.description,
          status: goal.status,
          measureKind: goal.measureKind,
          measureName:
            goal.measureKind === 'NONE'
              ? null
              : isScore
                ? goal.measureKind === 'PHQ9'
                  ? 'PHQ-9'
                  : 'GAD-7'
                : (goal.measureName ?? null),
          measureUnit: goal.measureKind === 'PERSONAL' ? (goal.measureUnit ?? null) : null,
          direction: goal.measureKind === 'NONE' ? null : (goal.direction ?? null),
          targetValue: goal.measureKind === 'NONE' ? null : (goal.targetValue ?? null),
          targetDate: goal.targetDate ? fromIsoDate(goal.targetDate) : null,
        };
      });
      const ownerById = new Map((await activeClinicians(tx, patient)).map((c) => [c.id, c]));
      const interventions = input.interventions.map((item, position) => ({
        organizationId,
        position,
        kind: item.kind,
        description: item.description,
        ownerId: item.ownerId,
        frequency: item.frequency,
      }));
      const draft = {
        version,
        presentingConcerns: input.presentingConcerns,
        patientGoalsOwnWords: input.patientGoalsOwnWords,
        reviewBy: input.reviewBy,
        assessmentIntervalDays: input.assessmentIntervalDays,
        goals: goals.map((g) => ({
          goalKey: g.goalKey,
          description: g.description,
          status: g.status,
          measureKind: g.measureKind,
          measureName: g.measureName,
          measureUnit: g.measureUnit,
          direction: g.direction,
          targetValue: g.targetValue,
          targetDate: g.targetDate ? toIsoDate(g.targetDate) : null,
        })),
        interventions: interventions.map((i) => ({
          kind: i.kind,
          description: i.description,
          ownerId: i.ownerId,
          owner: ownerById.get(i.ownerId) ?? null,
          frequency: i.frequency,
        })),
      };
      const changeSummary =
        input.changeSummary || changeSummaryOf(previous ? diffPlans(previous, draft) : null);

      const created = await tx.treatmentPlanVersion.create({
        data: {
          organizationId,
          planId: plan.id,
          patientId: patient.id,
          version,
          presentingConcerns: input.presentingConcerns,
          patientGoalsOwnWords: input.patientGoalsOwnWords,
          reviewBy: input.reviewBy ? fromIsoDate(input.reviewBy) : null,
          assessmentIntervalDays: input.assessmentIntervalDays,
          changeSummary,
          authorId: viewer.userId,
          goals: { createMany: { data: goals } },
          interventions: { createMany: { data: interventions } },
        },
        select: versionSelect,
      });
      return toPlanVersion(created);
    },
    (saved) => `version ${saved.version}`,
  );
}

/** The patient and clinicians on the team: the plan's versions, newest first, a page at a time. */
export async function listPlanVersions(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof PlanVersionListQuery> = {},
): Promise<PlanVersionList> {
  const { cursor, limit } = parseInput(PlanVersionListQuery, query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'treatmentPlan.read', action: 'list', resourceType: 'treatmentPlanVersion' },
    async (tx, patient) => {
      const rows = await tx.treatmentPlanVersion.findMany({
        where: {
          patientId: patient.id,
          organizationId: patient.organizationId,
          ...(cursor ? { version: { lt: Number(cursor) } } : {}),
        },
        orderBy: { version: 'desc' },
        take: limit + 1,
        select: {
          version: true,
          createdAt: true,
          changeSummary: true,
          author: { select: personSelect },
        },
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        nextCursor: rows.length > limit ? String(page.at(-1)!.version) : null,
      };
    },
  );
}

/** The patient and clinicians on the team: one version. NotFoundError when it does not exist. */
export async function getPlanVersion(
  viewer: Viewer,
  patientId: string,
  version: number,
): Promise<PlanVersion> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.read',
      action: 'read',
      resourceType: 'treatmentPlanVersion',
      resourceId: `version ${version}`,
    },
    async (tx, patient) => {
      const plan = await findPlan(tx, patient);
      const found = plan ? await findVersion(tx, patient, plan.id, version) : null;
      if (!found) throw new NotFoundError('plan version');
      return found;
    },
  );
}

/**
 * The patient and clinicians on the team: what changed from version `from` to version `to` (any
 * two, either order). NotFoundError when either does not exist.
 */
export async function diffPlanVersions(
  viewer: Viewer,
  patientId: string,
  from: number,
  to: number,
): Promise<PlanDiff> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.read',
      action: 'read',
      resourceType: 'treatmentPlanVersion',
      resourceId: `versions ${from} and ${to}`,
    },
    async (tx, patient) => {
      const plan = await findPlan(tx, patient);
      const before = plan ? await findVersion(tx, patient, plan.id, from) : null;
      const after = plan ? await findVersion(tx, patient, plan.id, to) : null;
      if (!before || !after) throw new NotFoundError('plan version');
      return diffPlans(before, after);
    },
  );
}

/**
 * The patient only: records that they read version `input.version`, which must be the current one
 * (ConflictError otherwise). Idempotent: acknowledging again returns the first acknowledgement.
 */
export async function acknowledgeTreatmentPlan(
  viewer: Viewer,
  patientId: string,
  input: AcknowledgePlanInput,
  idempotency?: Idempotency,
): Promise<PlanAcknowledgement> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.acknowledge',
      action: 'acknowledge',
      resourceType: 'treatmentPlan',
      resourceId: `version ${input.version}`,
    },
    (tx, patient) =>
      idempotent(
        tx,
        viewer,
        idempotency,
        input,
        async () => {
          const plan = await findPlan(tx, patient);
          if (!plan || plan.currentVersion === 0) throw new NotFoundError('treatment plan');
          if (input.version !== plan.currentVersion) {
            throw new ConflictError(
              `Version ${input.version} is not the current plan: please read version ${plan.currentVersion}.`,
              'version',
            );
          }
          const version = await tx.treatmentPlanVersion.findFirstOrThrow({
            where: { planId: plan.id, version: plan.currentVersion, patientId: patient.id },
            select: { id: true },
          });
          await tx.$executeRaw`
        INSERT INTO "PlanAcknowledgement" ("organizationId", "patientId", "planVersionId")
        VALUES (${patient.organizationId}::uuid, ${patient.id}::uuid, ${version.id}::uuid)
        ON CONFLICT ("planVersionId", "patientId") DO NOTHING`;
          const row = await tx.planAcknowledgement.findFirstOrThrow({
            where: { planVersionId: version.id, patientId: patient.id },
            select: { acknowledgedAt: true },
          });
          return { version: plan.currentVersion, acknowledgedAt: row.acknowledgedAt.toISOString() };
        },
        () => 200,
      ),
  );
}

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: personSelect },
  planVersion: { select: { version: true } },
} as const satisfies Prisma.PlanCommentSelect;

function toComment(
  row: Prisma.PlanCommentGetPayload<{ select: typeof commentSelect }>,
): PlanComment {
  return {
    id: row.id,
    version: row.planVersion.version,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The patient and clinicians on the team: comments on the plan, newest first. */
export async function listPlanComments(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof PlanCommentListQuery> = {},
): Promise<PlanCommentList> {
  const { cursor, limit } = parseInput(PlanCommentListQuery, query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'treatmentPlan.read', action: 'list', resourceType: 'planComment' },
    async (tx, patient) => {
      const scope = { patientId: patient.id, organizationId: patient.organizationId };
      const filters: Prisma.PlanCommentWhereInput[] = [scope];
      if (cursor) {
        const after = await tx.planComment.findFirst({
          where: { ...scope, id: cursor },
          select: { id: true, createdAt: true },
        });
        if (!after) throw invalidCursor();
        filters.push({
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        });
      }
      const rows = await tx.planComment.findMany({
        where: { AND: filters },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
        select: commentSelect,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map(toComment),
        nextCursor: rows.length > limit ? page.at(-1)!.id : null,
      };
    },
  );
}

/**
 * The patient, and clinicians on the team replying: a comment on the current version.
 * NotFoundError before the first version.
 */
export async function addPlanComment(
  viewer: Viewer,
  patientId: string,
  input: { body: string },
  idempotency?: Idempotency,
): Promise<PlanComment> {
  const permission: Permission =
    viewer.role === 'PATIENT' ? 'treatmentPlan.comment' : 'treatmentPlan.edit';
  return withPatientAccess(
    viewer,
    patientId,
    { permission, action: 'comment', resourceType: 'treatmentPlan' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, input, async () => {
        const plan = await findPlan(tx, patient);
        const version =
          plan && plan.currentVersion > 0
            ? await tx.treatmentPlanVersion.findFirst({
                where: { planId: plan.id, version: plan.currentVersion, patientId: patient.id },
                select: { id: true },
              })
            : null;
        if (!version) throw new NotFoundError('treatment plan');
        const row = await tx.planComment.create({
          data: {
            organizationId: patient.organizationId,
            patientId: patient.id,
            planVersionId: version.id,
            authorId: viewer.userId,
            body: input.body,
          },
          select: commentSelect,
        });
        return toComment(row);
      }),
    (comment) => comment.id,
  );
}

/**
 * The patient only: asks the care team to revisit the plan, with a reason; raises the "review
 * requested" flag on the caseload until a clinician resolves it. NotFoundError before the first
 * version.
 */
export async function requestPlanReview(
  viewer: Viewer,
  patientId: string,
  input: { reason: PlanReviewRequest['reason']; detail?: string },
  idempotency?: Idempotency,
): Promise<PlanReviewRequest> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.requestReview',
      action: 'requestReview',
      resourceType: 'treatmentPlan',
    },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, input, async () => {
        const plan = await findPlan(tx, patient);
        if (!plan || plan.currentVersion === 0) throw new NotFoundError('treatment plan');
        const row = await tx.planReviewRequest.create({
          data: {
            organizationId: patient.organizationId,
            patientId: patient.id,
            planId: plan.id,
            reason: input.reason,
            detail: input.detail ? input.detail : null,
          },
          select: reviewRequestSelect,
        });
        return toReviewRequest(row);
      }),
    (request) => request.id,
  );
}

/**
 * Prescribers and therapists on the team: marks the patient's review request as handled (the
 * caseload flag clears when none is left open). ConflictError when already resolved.
 */
export async function resolvePlanReview(
  viewer: Viewer,
  patientId: string,
  requestId: string,
): Promise<PlanReviewRequest> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.edit',
      action: 'resolveReview',
      resourceType: 'treatmentPlan',
      resourceId: requestId,
    },
    async (tx, patient) => {
      const scope = {
        id: requestId,
        patientId: patient.id,
        organizationId: patient.organizationId,
      };
      const resolved = await tx.planReviewRequest.updateMany({
        where: { ...scope, resolvedAt: null },
        data: { resolvedAt: new Date(), resolvedById: viewer.userId },
      });
      const row = await tx.planReviewRequest.findFirst({
        where: scope,
        select: reviewRequestSelect,
      });
      if (!row) throw new NotFoundError('review request');
      if (resolved.count === 0) throw new ConflictError('This request was already resolved.');
      return toReviewRequest(row);
    },
  );
}
