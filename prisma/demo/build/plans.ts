// Treatment plans: versions with their goals and interventions, acknowledgements, comments and
// review requests.
import { notifyPlanComment, notifyReviewRequest } from '@/lib/data/notifications/events';
import { randomUUID } from 'node:crypto';
import type {
  GoalStatus,
  InterventionKind,
  MeasureDirection,
  MeasureKind,
  PlanAcknowledgement,
  PlanComment,
  PlanGoal,
  PlanIntervention,
  PlanReviewReason,
  PlanReviewRequest,
  TreatmentPlan,
  TreatmentPlanVersion,
} from '@/prisma/generated/client';
import type { FactoryDb, PatientRef, UserRef } from './accounts';
import { daysFromToday } from './dates';

export type GoalInput = {
  /** Keep a goal's key across versions so its check-in values follow it. New when omitted. */
  goalKey?: string;
  description: string;
  status?: GoalStatus;
  measureKind?: MeasureKind;
  measureName?: string | null;
  measureUnit?: string | null;
  direction?: MeasureDirection | null;
  targetValue?: number | null;
  targetDate?: Date | null;
  /** The goal as the patient reads it. */
  patientWording?: string | null;
};

export type InterventionInput = {
  kind: InterventionKind;
  description: string;
  ownerId?: string | null;
  frequency: string;
  /** A medication-management item's medication, by the regimen's key. */
  medicationKey?: string | null;
};

export type PlanContent = {
  presentingConcerns?: string;
  patientGoalsOwnWords?: string;
  reviewBy?: Date | null;
  assessmentIntervalDays?: number;
  goals?: GoalInput[];
  interventions?: InterventionInput[];
  changeSummary?: string | null;
  /** What the version changed, in words for the patient. */
  patientSummary?: string | null;
  createdAt?: Date;
};

export type PlanWithVersion = {
  plan: TreatmentPlan;
  version: TreatmentPlanVersion;
  goals: PlanGoal[];
  interventions: PlanIntervention[];
};

function defaultGoals(): GoalInput[] {
  return [
    {
      description: 'Depression in the minimal range: PHQ-9 below 5.',
      measureKind: 'PHQ9',
      measureName: 'PHQ-9',
      direction: 'AT_MOST',
      targetValue: 4,
      targetDate: daysFromToday(90),
    },
    {
      description: 'Fewer panic attacks: one or none a week.',
      measureKind: 'PERSONAL',
      measureName: 'Panic attacks',
      measureUnit: 'count',
      direction: 'AT_MOST',
      targetValue: 1,
      targetDate: daysFromToday(60),
    },
    { description: 'Back to seeing friends at least once a week.' },
  ];
}

function defaultInterventions(prescriberId: string | null, therapistId: string | null) {
  return [
    {
      kind: 'MEDICATION_MANAGEMENT',
      description: 'Medication management: titrate to response, review side effects.',
      ownerId: prescriberId,
      frequency: 'Every 4 weeks',
    },
    {
      kind: 'CBT',
      description: 'Cognitive behavioral therapy for depression and panic.',
      ownerId: therapistId,
      frequency: 'Weekly',
    },
  ] satisfies InterventionInput[];
}

async function createVersion(
  db: FactoryDb,
  plan: TreatmentPlan,
  version: number,
  author: UserRef,
  content: Required<Omit<PlanContent, 'createdAt'>> & { createdAt?: Date },
): Promise<Omit<PlanWithVersion, 'plan'>> {
  const organizationId = plan.organizationId;
  const created = await db.treatmentPlanVersion.create({
    data: {
      organizationId,
      planId: plan.id,
      patientId: plan.patientId,
      version,
      presentingConcerns: content.presentingConcerns,
      patientGoalsOwnWords: content.patientGoalsOwnWords,
      reviewBy: content.reviewBy,
      assessmentIntervalDays: content.assessmentIntervalDays,
      changeSummary: content.changeSummary,
      patientSummary: content.patientSummary,
      authorId: author.id,
      createdAt: content.createdAt,
      goals: {
        createMany: {
          data: content.goals.map((goal, position) => ({
            organizationId,
            goalKey: goal.goalKey ?? randomUUID(),
            position,
            description: goal.description,
            status: goal.status ?? 'ACTIVE',
            measureKind: goal.measureKind ?? 'NONE',
            measureName: goal.measureName ?? null,
            measureUnit: goal.measureUnit ?? null,
            direction: goal.direction ?? null,
            targetValue: goal.targetValue ?? null,
            targetDate: goal.targetDate ?? null,
            patientWording: goal.patientWording ?? null,
          })),
        },
      },
      interventions: {
        createMany: {
          data: content.interventions.map((intervention, position) => ({
            organizationId,
            position,
            kind: intervention.kind,
            description: intervention.description,
            ownerId: intervention.ownerId ?? null,
            frequency: intervention.frequency,
            medicationKey: intervention.medicationKey ?? null,
          })),
        },
      },
    },
    include: {
      goals: { orderBy: { position: 'asc' } },
      interventions: { orderBy: { position: 'asc' } },
    },
  });
  const { goals, interventions, ...versionRow } = created;
  return { version: versionRow, goals, interventions };
}

/**
 * A treatment plan at version 1. Defaults: a PHQ-9 target, a personal measure (panic attacks),
 * a goal without a measure, and medication management and CBT owned by the given clinicians.
 */
export async function createTreatmentPlan(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: PlanContent & { prescriber?: UserRef; therapist?: UserRef } = {},
): Promise<PlanWithVersion> {
  const prescriberId = options.prescriber?.id ?? (author.role === 'PRESCRIBER' ? author.id : null);
  const therapistId = options.therapist?.id ?? (author.role === 'THERAPIST' ? author.id : null);
  const plan = await db.treatmentPlan.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      currentVersion: 1,
      createdAt: options.createdAt,
      updatedAt: options.createdAt,
    },
  });
  const parts = await createVersion(db, plan, 1, author, {
    presentingConcerns:
      options.presentingConcerns ??
      'Low mood, poor sleep and panic attacks for four months after a job change.',
    patientGoalsOwnWords:
      options.patientGoalsOwnWords ?? 'I want to feel like myself again and stop avoiding the bus.',
    reviewBy: options.reviewBy === undefined ? daysFromToday(90) : options.reviewBy,
    assessmentIntervalDays: options.assessmentIntervalDays ?? 14,
    goals: options.goals ?? defaultGoals(),
    interventions: options.interventions ?? defaultInterventions(prescriberId, therapistId),
    changeSummary: options.changeSummary ?? null,
    patientSummary: options.patientSummary ?? null,
    createdAt: options.createdAt,
  });
  return { plan, ...parts };
}

/**
 * The next version of a plan: unspecified content is carried over from the newest version
 * (goals keep their goalKey), and the plan's currentVersion moves on.
 */
export async function addTreatmentPlanVersion(
  db: FactoryDb,
  plan: Pick<TreatmentPlan, 'id'>,
  author: UserRef,
  options: PlanContent = {},
): Promise<PlanWithVersion> {
  const current = await db.treatmentPlan.findUniqueOrThrow({ where: { id: plan.id } });
  const latest = await db.treatmentPlanVersion.findUniqueOrThrow({
    where: { planId_version: { planId: current.id, version: current.currentVersion } },
    include: {
      goals: { orderBy: { position: 'asc' } },
      interventions: { orderBy: { position: 'asc' } },
    },
  });
  const nextVersion = current.currentVersion + 1;
  const updated = await db.treatmentPlan.update({
    where: { id: current.id },
    data: { currentVersion: nextVersion, updatedAt: options.createdAt },
  });
  const parts = await createVersion(db, updated, nextVersion, author, {
    presentingConcerns: options.presentingConcerns ?? latest.presentingConcerns,
    patientGoalsOwnWords: options.patientGoalsOwnWords ?? latest.patientGoalsOwnWords,
    reviewBy: options.reviewBy === undefined ? latest.reviewBy : options.reviewBy,
    assessmentIntervalDays: options.assessmentIntervalDays ?? latest.assessmentIntervalDays,
    goals: options.goals ?? latest.goals,
    interventions: options.interventions ?? latest.interventions,
    changeSummary: options.changeSummary ?? null,
    patientSummary: options.patientSummary ?? null,
    createdAt: options.createdAt,
  });
  return { plan: updated, ...parts };
}

export async function acknowledgePlan(
  db: FactoryDb,
  patient: PatientRef,
  version: Pick<TreatmentPlanVersion, 'id'>,
  acknowledgedAt?: Date,
): Promise<PlanAcknowledgement> {
  return db.planAcknowledgement.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      planVersionId: version.id,
      acknowledgedAt,
    },
  });
}

export async function createPlanComment(
  db: FactoryDb,
  patient: PatientRef,
  version: Pick<TreatmentPlanVersion, 'id'>,
  author: UserRef,
  options: { body?: string; createdAt?: Date } = {},
): Promise<PlanComment> {
  const comment = await db.planComment.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      planVersionId: version.id,
      authorId: author.id,
      body: options.body ?? 'Could we talk about the homework load at the next session?',
      createdAt: options.createdAt,
    },
  });
  // Told as the API tells it (lib/data/treatment-plans/comments.ts).
  const byPatient = author.id === (await patientAccountId(db, patient));
  await notifyPlanComment(
    db,
    patient,
    { id: comment.id, authorId: author.id, byPatient },
    comment.createdAt,
  );
  return comment;
}

async function patientAccountId(db: FactoryDb, patient: PatientRef): Promise<string> {
  const row = await db.patient.findUniqueOrThrow({
    where: { id: patient.id },
    select: { userId: true },
  });
  return row.userId;
}

export async function createPlanReviewRequest(
  db: FactoryDb,
  patient: PatientRef,
  plan: Pick<TreatmentPlan, 'id'>,
  options: {
    reason?: PlanReviewReason;
    detail?: string | null;
    createdAt?: Date;
    resolvedBy?: UserRef | null;
    resolvedAt?: Date | null;
  } = {},
): Promise<PlanReviewRequest> {
  const request = await db.planReviewRequest.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      planId: plan.id,
      reason: options.reason ?? 'TOO_INTENSE',
      detail:
        options.detail === undefined
          ? 'Weekly sessions plus daily worksheets is more than I can manage right now.'
          : options.detail,
      createdAt: options.createdAt,
      resolvedById: options.resolvedBy?.id ?? null,
      resolvedAt: options.resolvedBy ? (options.resolvedAt ?? new Date()) : null,
    },
  });
  await notifyReviewRequest(
    db,
    patient,
    { id: request.id, requestedById: await patientAccountId(db, patient) },
    request.createdAt,
  );
  return request;
}
