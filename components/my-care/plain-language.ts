import type { MyCareGoal } from '@/lib/data/my-care';
import type { Role } from '@/lib/auth/viewer';
import { formatDate } from '@/lib/format';

/** A goal as the patient reads it: the care team's wording for them, else the goal itself. */
export function goalInPatientWords(goal: {
  description: string;
  patientWording: string | null;
}): string {
  return goal.patientWording || goal.description;
}

const scoreNames = {
  PHQ9: 'PHQ-9 mood score',
  GAD7: 'GAD-7 worry score',
} as const;

/** "PHQ-9 mood score of 4 or lower by June 1, 2026". Null when the goal has no target. */
export function goalTargetText(target: MyCareGoal['target']): string | null {
  if (!target || target.value === null) return null;
  const by = target.byDate ? ` by ${formatDate(target.byDate, 'long')}` : '';
  if (target.kind === 'PERSONAL') {
    const value = target.unit ? `${target.value} ${target.unit}` : String(target.value);
    const bound = target.direction === 'AT_LEAST' ? 'or more' : 'or less';
    return `${target.name ?? 'Your measure'}: ${value} ${bound}${by}`;
  }
  const bound = target.direction === 'AT_LEAST' ? 'or higher' : 'or lower';
  return `${scoreNames[target.kind]} of ${target.value} ${bound}${by}`;
}

const interventionLabels: Record<string, string> = {
  MEDICATION_MANAGEMENT: 'Medication check-ins',
  CBT: 'Cognitive behavioral therapy (CBT)',
  DBT: 'Dialectical behavior therapy (DBT)',
  ACT: 'Acceptance and commitment therapy (ACT)',
  PSYCHOEDUCATION: 'Learning about what you are going through',
  BEHAVIORAL_ACTIVATION: 'Planning activities that lift your mood',
  EXPOSURE: 'Facing fears step by step',
  SKILLS_PRACTICE: 'Practicing coping skills',
  OTHER: 'Other support',
};

/** The kind of help, in everyday words. */
export function interventionLabel(kind: string): string {
  return interventionLabels[kind] ?? 'Other support';
}

/** What each clinician does for the patient, in one short phrase. */
export function careRoleText(role: Role): string {
  if (role === 'PRESCRIBER') return 'Prescriber: looks after your medications';
  if (role === 'THERAPIST') return 'Therapist: works with you in therapy sessions';
  return 'Care team';
}
