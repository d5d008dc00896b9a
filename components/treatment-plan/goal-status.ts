// The words and tone of a goal's one displayed status (lib/clinical/goal-progress.ts
// `displayedGoalStatus`), for clinicians and for the patient, and the live-regimen line of a
// plan's medication item. Zod-free, for client components.
import type { BadgeTone } from '@/components/ui/badge';
import type { DisplayedGoalStatus } from '@/lib/clinical/goal-progress';

export const clinicianGoalStatusLabels: Record<DisplayedGoalStatus, string> = {
  reached: 'Reached',
  slipped: 'Achieved; latest off target',
  'on-track': 'On track',
  'working-on-it': 'In progress',
  'past-target-date': 'Past target date',
  'no-values': 'No values yet',
  paused: 'Paused',
  stopped: 'Discontinued',
};

export const patientGoalStatusLabels: Record<DisplayedGoalStatus, string> = {
  reached: 'Reached',
  slipped: 'Not there lately',
  'on-track': 'On track',
  'working-on-it': 'Working on it',
  'past-target-date': 'Past the date we aimed for',
  'no-values': 'No results yet',
  paused: 'On pause',
  stopped: 'Stopped',
};

export const goalStatusTones: Record<DisplayedGoalStatus, BadgeTone> = {
  reached: 'teal',
  slipped: 'amber',
  'on-track': 'teal',
  'working-on-it': 'neutral',
  'past-target-date': 'amber',
  'no-values': 'neutral',
  paused: 'neutral',
  stopped: 'neutral',
};

type RegimenMedication = {
  medication: string;
  status: 'ACTIVE' | 'HELD' | 'STOPPED';
  dose: number | null;
  unit: string | null;
  frequency: string | null;
};

/** "Sertraline: now 150 mg, once daily in the morning"; "…: on hold"; "…: stopped". */
export function currentDoseText(med: RegimenMedication): string {
  if (med.status === 'STOPPED') return `${med.medication}: stopped`;
  if (med.status === 'HELD') return `${med.medication}: on hold`;
  const dose = med.dose === null ? null : `${med.dose}${med.unit ? ` ${med.unit}` : ''}`;
  const now = [dose, med.frequency].filter(Boolean).join(', ');
  return `${med.medication}: now ${now || 'taking'}`;
}
