// Words for the plan's codes, for clinicians and, in plain language, for the patient.
import type {
  GoalProgress,
  GoalStatus,
  InterventionKind,
  MeasureDirection,
  MeasureKind,
  PlanGoal,
  ReviewReason,
} from '@/lib/schemas/treatment-plan';
import { measureValueText } from '@/lib/clinical/goal-progress';
import { formatDate } from '@/lib/format';

export const goalStatusLabels: Record<GoalStatus, string> = {
  ACTIVE: 'Active',
  ACHIEVED: 'Achieved',
  PAUSED: 'Paused',
  DISCONTINUED: 'Discontinued',
};

export const measureKindLabels: Record<MeasureKind, string> = {
  NONE: 'No measure',
  PHQ9: 'PHQ-9 score',
  GAD7: 'GAD-7 score',
  PERSONAL: 'Personal measure',
};

export const directionLabels: Record<MeasureDirection, string> = {
  AT_MOST: 'At most',
  AT_LEAST: 'At least',
};

export const interventionLabels: Record<InterventionKind, string> = {
  MEDICATION_MANAGEMENT: 'Medication management',
  CBT: 'CBT',
  DBT: 'DBT',
  ACT: 'ACT',
  PSYCHOEDUCATION: 'Psychoeducation',
  BEHAVIORAL_ACTIVATION: 'Behavioral activation',
  EXPOSURE: 'Exposure',
  SKILLS_PRACTICE: 'Skills practice',
  OTHER: 'Other',
};

export const reviewReasonLabels: Record<ReviewReason, string> = {
  TOO_INTENSE: 'It’s too intense',
  TOO_COSTLY: 'It costs too much',
  HARD_TO_KEEP_UP: 'It’s hard to keep up with',
  NOT_HELPING: 'It isn’t helping',
  OTHER: 'Something else',
};

export const planFieldLabels: Record<string, string> = {
  presentingConcerns: 'Presenting concerns',
  patientGoalsOwnWords: 'Goals in the patient’s words',
  reviewBy: 'Review by',
  assessmentIntervalDays: 'Assessment schedule',
};

type Target = Pick<
  PlanGoal,
  'measureKind' | 'measureName' | 'measureUnit' | 'direction' | 'targetValue'
>;

/** "PHQ-9 ≤ 4", "Panic attacks ≤ 1 per week"; null without a measure. */
export function targetText(goal: Target): string | null {
  if (goal.measureKind === 'NONE' || goal.targetValue === null) return null;
  const sign = goal.direction === 'AT_LEAST' ? '≥' : '≤';
  const name =
    goal.measureKind === 'PHQ9'
      ? 'PHQ-9'
      : goal.measureKind === 'GAD7'
        ? 'GAD-7'
        : (goal.measureName ?? 'Measure');
  const unit = goal.measureKind === 'PERSONAL' && goal.measureUnit ? ` ${goal.measureUnit}` : '';
  return `${name} ${sign} ${goal.targetValue}${unit}`;
}

export const trendLabels: Record<NonNullable<GoalProgress['trend']>, string> = {
  improving: 'Improving',
  steady: 'Steady',
  worsening: 'Worsening',
};

/** "Every 2 weeks", "Every 10 days". */
export function intervalText(days: number): string {
  if (days % 7 === 0) return days === 7 ? 'Every week' : `Every ${days / 7} weeks`;
  return `Every ${days} days`;
}

/** A clinician's one line: "Latest 6 on Mar 3, 2026 (target not met)". */
export function progressText(progress: GoalProgress, goal: Target): string {
  if (!progress.latest) return 'No values recorded yet';
  const period = progress.basis === 'weekly' ? ' in the 7 days to ' : ' on ';
  const met = progress.met === null ? '' : progress.met ? ' (target met)' : ' (target not met)';
  const value = measureValueText(goal, progress.latest.value);
  return `Latest ${value}${period}${formatDate(progress.latest.on)}${met}`;
}

const patientScoreNames = { PHQ9: 'mood score (PHQ-9)', GAD7: 'worry score (GAD-7)' } as const;

/** The patient's sentence about a goal's progress, in everyday words. */
export function patientProgressText(goal: PlanGoal, progress: GoalProgress): string {
  const name =
    goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7'
      ? `Your ${patientScoreNames[goal.measureKind]}`
      : `Your ${(goal.measureName ?? 'measure').toLowerCase()}`;
  if (!progress.latest) {
    return goal.measureKind === 'PERSONAL'
      ? `${name}: nothing recorded yet. You can add it in your check-in.`
      : `${name}: no results yet.`;
  }
  const unit = goal.measureKind === 'PERSONAL' && goal.measureUnit ? ` ${goal.measureUnit}` : '';
  const when =
    progress.basis === 'weekly'
      ? `in the 7 days up to ${formatDate(progress.latest.on, 'long')}`
      : `on ${formatDate(progress.latest.on, 'long')}`;
  const bound = goal.direction === 'AT_LEAST' ? 'or more' : 'or less';
  const goalText = `Your goal is ${goal.targetValue}${unit} ${bound}.`;
  const reached = progress.met ? 'You’ve reached it.' : 'You’re not there yet.';
  const trend =
    progress.trend === 'improving'
      ? ' It’s moving the right way.'
      : progress.trend === 'worsening'
        ? ' It’s been harder lately, which is worth talking about with your care team.'
        : progress.trend === 'steady'
          ? ' It’s been about the same lately.'
          : '';
  const value = measureValueText(goal, progress.latest.value);
  return `${name} was ${value}${unit} ${when}. ${goalText} ${reached}${trend}`;
}
