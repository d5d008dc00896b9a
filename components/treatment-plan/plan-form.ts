// The editor's form values and their conversions: to the PUT body, from a saved version, and to
// and from the DraftPlan that lib/clinical/plan-diff.ts rebases.
import type { DraftPlan } from '@/lib/clinical/plan-diff';
import { apiFetch } from '@/lib/api-client';
import type {
  GoalStatus,
  InterventionKind,
  MeasureKind,
  PlanVersion,
  TreatmentPlanInput,
} from '@/lib/schemas/treatment-plan';

/** Who reads a field of the plan: the editor says it under each one. */
export const READERS = {
  careTeam: 'Only your care team sees this.',
  patient: 'Your patient sees this.',
} as const;

export type GoalForm = {
  /** '' for a goal not saved yet. */
  goalKey: string;
  description: string;
  status: GoalStatus;
  measureKind: MeasureKind;
  measureName: string;
  measureUnit: string;
  direction: '' | 'AT_MOST' | 'AT_LEAST';
  targetValue: string;
  targetDate: string;
  patientWording: string;
};

export type InterventionForm = {
  kind: InterventionKind;
  description: string;
  ownerId: string;
  frequency: string;
  /** '' when the item names no medication. */
  medicationKey: string;
};

export type PlanForm = {
  presentingConcerns: string;
  patientGoalsOwnWords: string;
  reviewBy: string;
  assessmentIntervalDays: string;
  goals: GoalForm[];
  interventions: InterventionForm[];
  changeSummary: string;
  patientSummary: string;
};

export const emptyGoal: GoalForm = {
  goalKey: '',
  description: '',
  status: 'ACTIVE',
  measureKind: 'NONE',
  measureName: '',
  measureUnit: '',
  direction: '',
  targetValue: '',
  targetDate: '',
  patientWording: '',
};

export const emptyIntervention: InterventionForm = {
  kind: 'CBT',
  description: '',
  ownerId: '',
  frequency: '',
  medicationKey: '',
};

export const emptyPlan: PlanForm = {
  presentingConcerns: '',
  patientGoalsOwnWords: '',
  reviewBy: '',
  assessmentIntervalDays: '14',
  goals: [],
  interventions: [],
  changeSummary: '',
  patientSummary: '',
};

function numberOrText(value: string): number | string | null {
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isNaN(parsed) ? value : parsed;
}

/** The PUT body: measure fields only where the measure uses them. */
export function toInput(form: PlanForm): TreatmentPlanInput {
  return {
    presentingConcerns: form.presentingConcerns,
    patientGoalsOwnWords: form.patientGoalsOwnWords,
    reviewBy: form.reviewBy || null,
    assessmentIntervalDays: numberOrText(form.assessmentIntervalDays) as number,
    goals: form.goals.map((g) => {
      const scored = g.measureKind === 'PHQ9' || g.measureKind === 'GAD7';
      return {
        ...(g.goalKey ? { goalKey: g.goalKey } : {}),
        description: g.description,
        status: g.status,
        measureKind: g.measureKind,
        ...(g.measureKind === 'PERSONAL'
          ? { measureName: g.measureName || null, measureUnit: g.measureUnit || null }
          : {}),
        ...(g.measureKind === 'NONE'
          ? {}
          : {
              direction: g.direction || (scored ? 'AT_MOST' : null),
              targetValue: numberOrText(g.targetValue) as number | null,
            }),
        targetDate: g.targetDate || null,
        ...(g.patientWording.trim() ? { patientWording: g.patientWording } : {}),
      };
    }),
    interventions: form.interventions.map((i) => ({
      ...i,
      // Only a medication-management item names a medication.
      medicationKey: i.kind === 'MEDICATION_MANAGEMENT' && i.medicationKey ? i.medicationKey : null,
    })),
    ...(form.changeSummary.trim() ? { changeSummary: form.changeSummary } : {}),
    ...(form.patientSummary.trim() ? { patientSummary: form.patientSummary } : {}),
  };
}

/** A draft (saved version, or form) as form values. */
export function draftToForm(draft: DraftPlan): PlanForm {
  return {
    presentingConcerns: draft.presentingConcerns,
    patientGoalsOwnWords: draft.patientGoalsOwnWords,
    reviewBy: draft.reviewBy ?? '',
    assessmentIntervalDays: String(draft.assessmentIntervalDays),
    goals: draft.goals.map((g) => ({
      goalKey: g.goalKey ?? '',
      description: g.description,
      status: g.status,
      measureKind: g.measureKind,
      measureName: g.measureName ?? '',
      measureUnit: g.measureUnit ?? '',
      direction: g.direction ?? '',
      targetValue: g.targetValue === null ? '' : String(g.targetValue),
      targetDate: g.targetDate ?? '',
      patientWording: g.patientWording ?? '',
    })),
    interventions: draft.interventions.map((i) => ({
      kind: i.kind,
      description: i.description,
      ownerId: i.ownerId ?? '',
      frequency: i.frequency,
      medicationKey: i.medicationKey ?? '',
    })),
    changeSummary: '',
    patientSummary: '',
  };
}

/** `form` with the notes `mine` wrote about the version it saves (kept when a rebase rewrites the rest). */
export function withNotesOf(mine: PlanForm, form: PlanForm): PlanForm {
  return { ...form, changeSummary: mine.changeSummary, patientSummary: mine.patientSummary };
}

/** A saved version as a draft. */
export function versionToDraft(plan: PlanVersion): DraftPlan {
  return {
    presentingConcerns: plan.presentingConcerns,
    patientGoalsOwnWords: plan.patientGoalsOwnWords,
    reviewBy: plan.reviewBy,
    assessmentIntervalDays: plan.assessmentIntervalDays,
    goals: plan.goals,
    interventions: plan.interventions.map((i) => ({
      kind: i.kind,
      description: i.description,
      ownerId: i.ownerId,
      frequency: i.frequency,
      medicationKey: i.medicationKey,
    })),
  };
}

/** Form values as a draft, to rebase them (text as typed; numbers where they parse). */
export function formToDraft(form: PlanForm): DraftPlan {
  const num = (value: string) => {
    const parsed = numberOrText(value);
    return typeof parsed === 'number' ? parsed : null;
  };
  return {
    presentingConcerns: form.presentingConcerns,
    patientGoalsOwnWords: form.patientGoalsOwnWords,
    reviewBy: form.reviewBy || null,
    assessmentIntervalDays: num(form.assessmentIntervalDays) ?? 14,
    goals: form.goals.map((g) => ({
      goalKey: g.goalKey || null,
      description: g.description,
      status: g.status,
      measureKind: g.measureKind,
      measureName: g.measureName || null,
      measureUnit: g.measureUnit || null,
      direction: g.direction || null,
      targetValue: num(g.targetValue),
      targetDate: g.targetDate || null,
      patientWording: g.patientWording.trim() || null,
    })),
    interventions: form.interventions.map((i) => ({
      kind: i.kind,
      description: i.description,
      ownerId: i.ownerId || null,
      frequency: i.frequency,
      medicationKey: i.medicationKey || null,
    })),
  };
}

/** PUT with If-Match; a failure is thrown as an ApiProblem (412 when someone saved first). */
export function putPlan(
  patientId: string,
  baseVersion: number,
  input: TreatmentPlanInput,
): Promise<PlanVersion> {
  return apiFetch<PlanVersion>(`/api/v1/patients/${patientId}/treatment-plan`, {
    method: 'PUT',
    headers: { 'If-Match': `"${baseVersion}"` },
    body: input,
  });
}
