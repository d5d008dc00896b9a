import 'server-only';
import { notifyPlanVersion } from '@/lib/data/notifications/events';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { fromIsoDate } from '@/lib/calendar-date';
import { changeSummaryOf, diffPlans } from '@/lib/clinical/plan-diff';
import { withPatientAccess, type ScopedPatient } from '@/lib/data/patient-access';
import {
  MAX_ROWS,
  activeClinicians,
  findVersion,
  toPlanVersion,
  versionSelect,
} from '@/lib/data/treatment-plans/shared';
import {
  checkMedicationKeys,
  resolvePlanReviewItems,
} from '@/lib/data/treatment-plans/plan-medications';
import { InvalidInputError, type FieldError } from '@/lib/errors';
import { compareAndSetVersion, versionedPlanRow } from '@/lib/data/versioned-plan';
import { toIsoDate } from '@/lib/format';
import type { PlanVersion, TreatmentPlanContent } from '@/lib/schemas/treatment-plan';

// The save of a plan version, one named step each: check owners, find or make the plan's row,
// check goal keys, compare-and-set the version, build the rows, summarize the change, write.

type Clinician = Awaited<ReturnType<typeof activeClinicians>>[number];
type Goal = TreatmentPlanContent['goals'][number];

/** Every intervention's owner is an active clinician of this team (a 400 on the field otherwise). */
function checkOwners(input: TreatmentPlanContent, team: Clinician[]): FieldError[] {
  const owners = new Set(team.map((c) => c.id));
  return input.interventions.flatMap((item, index) =>
    owners.has(item.ownerId)
      ? []
      : [
          {
            path: `interventions.${index}.ownerId`,
            message: 'Choose a clinician on this patient’s care team.',
          },
        ],
  );
}

/** Every goal key sent names a goal of this plan (leave it out for a new goal). */
async function checkGoalKeys(
  tx: Tx,
  patient: ScopedPatient,
  planId: string,
  input: TreatmentPlanContent,
): Promise<FieldError[]> {
  const sent = input.goals.flatMap((g) => (g.goalKey ? [g.goalKey] : []));
  const rows = sent.length
    ? await tx.planGoal.findMany({
        where: {
          organizationId: patient.organizationId,
          goalKey: { in: sent },
          planVersion: { planId, patientId: patient.id },
        },
        distinct: ['goalKey'],
        take: MAX_ROWS,
        select: { goalKey: true },
      })
    : [];
  const known = new Set(rows.map((g) => g.goalKey));
  return input.goals.flatMap((goal, index) =>
    goal.goalKey && !known.has(goal.goalKey)
      ? [
          {
            path: `goals.${index}.goalKey`,
            message: 'Not a goal of this plan; leave goalKey out for a new goal.',
          },
        ]
      : [],
  );
}

/** The name a goal's measure is stored under: the questionnaire's, the patient's own, or none. */
function measureNameOf(goal: Goal): string | null {
  if (goal.measureKind === 'NONE') return null;
  if (goal.measureKind === 'PHQ9') return 'PHQ-9';
  if (goal.measureKind === 'GAD7') return 'GAD-7';
  return goal.measureName ?? null;
}

/** The goal rows of the new version (a new goal gets a key of its own). */
function goalRows(input: TreatmentPlanContent, organizationId: string) {
  return input.goals.map((goal, position) => {
    const measured = goal.measureKind !== 'NONE';
    return {
      organizationId,
      goalKey: goal.goalKey ?? randomUUID(),
      position,
      description: goal.description,
      status: goal.status,
      measureKind: goal.measureKind,
      measureName: measureNameOf(goal),
      measureUnit: goal.measureKind === 'PERSONAL' ? (goal.measureUnit ?? null) : null,
      direction: measured ? (goal.direction ?? null) : null,
      targetValue: measured ? (goal.targetValue ?? null) : null,
      targetDate: goal.targetDate ? fromIsoDate(goal.targetDate) : null,
      patientWording: goal.patientWording ?? null,
    };
  });
}

type GoalRow = ReturnType<typeof goalRows>[number];

/** The clinician's summary, else one derived from what changed since the previous version. */
async function summaryOf(
  tx: Tx,
  patient: ScopedPatient,
  version: number,
  input: TreatmentPlanContent,
  goals: GoalRow[],
  team: Clinician[],
): Promise<string> {
  if (input.changeSummary) return input.changeSummary;
  const previous = version > 1 ? await findVersion(tx, patient, version - 1) : null;
  if (!previous) return changeSummaryOf(null);
  const ownerById = new Map(team.map((c) => [c.id, c]));
  const draft = {
    version,
    presentingConcerns: input.presentingConcerns,
    patientGoalsOwnWords: input.patientGoalsOwnWords,
    reviewBy: input.reviewBy,
    assessmentIntervalDays: input.assessmentIntervalDays,
    goals: goals.map(({ organizationId: _, position: __, targetDate, ...goal }) => ({
      ...goal,
      targetDate: targetDate ? toIsoDate(targetDate) : null,
    })),
    interventions: input.interventions.map((i) => ({
      kind: i.kind,
      description: i.description,
      ownerId: i.ownerId,
      owner: ownerById.get(i.ownerId) ?? null,
      frequency: i.frequency,
      medicationKey: i.medicationKey ?? null,
    })),
  };
  return changeSummaryOf(diffPlans(previous, draft));
}

/** Writes the version with its goals and interventions, authored by the viewer. */
async function writeVersion(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  planId: string,
  version: number,
  input: TreatmentPlanContent,
  rows: { goals: GoalRow[]; changeSummary: string },
): Promise<PlanVersion> {
  const organizationId = patient.organizationId;
  const interventions = input.interventions.map((item, position) => ({
    organizationId,
    position,
    kind: item.kind,
    description: item.description,
    ownerId: item.ownerId,
    frequency: item.frequency,
    medicationKey: item.medicationKey ?? null,
  }));
  const created = await tx.treatmentPlanVersion.create({
    data: {
      organizationId,
      planId,
      patientId: patient.id,
      version,
      presentingConcerns: input.presentingConcerns,
      patientGoalsOwnWords: input.patientGoalsOwnWords,
      reviewBy: input.reviewBy ? fromIsoDate(input.reviewBy) : null,
      assessmentIntervalDays: input.assessmentIntervalDays,
      changeSummary: rows.changeSummary,
      patientSummary: input.patientSummary || null,
      authorId: viewer.userId,
      goals: { createMany: { data: rows.goals } },
      interventions: { createMany: { data: interventions } },
    },
    select: versionSelect,
  });
  return toPlanVersion(created);
}

/**
 * Prescribers and therapists on the patient's active care team: writes the next version of the
 * plan (the whole content) when `expectedVersion` is still current, else StalePlanError (412).
 * SECURITY/integrity (no lost update): the version moves by a compare-and-set in SQL, in the
 * same transaction as the version insert, so concurrent saves on one version yield exactly one
 * winner and gapless numbers. Owners must be active clinicians of this team and goal keys must
 * name goals of this plan, and a named medication must be in the patient's history (400 on the
 * field otherwise). Saving resolves the open "review the plan" items of a medication change.
 * Audited as an update of 'treatmentPlan'.
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
      const team = await activeClinicians(tx, patient);
      const ownerIssues = checkOwners(input, team);
      const plan = await versionedPlanRow(tx, 'TreatmentPlan', patient, expectedVersion);
      const issues = [
        ...ownerIssues,
        ...(await checkGoalKeys(tx, patient, plan.id, input)),
        ...(await checkMedicationKeys(tx, patient, input.interventions)),
      ];
      if (issues.length) throw new InvalidInputError(issues);
      const version = await compareAndSetVersion(
        tx,
        'TreatmentPlan',
        patient,
        plan.id,
        expectedVersion,
      );
      const goals = goalRows(input, patient.organizationId);
      const changeSummary = await summaryOf(tx, patient, version, input, goals, team);
      const saved = await writeVersion(tx, viewer, patient, plan.id, version, input, {
        goals,
        changeSummary,
      });
      await notifyPlanVersion(tx, patient, viewer.userId, saved);
      await resolvePlanReviewItems(tx, patient);
      return saved;
    },
    (saved) => `version ${saved.version}`,
  );
}
