import { formatDose } from '@/lib/format';
import type {
  MedicationAction,
  MedicationChange,
  MedicationStatus,
} from '@/lib/schemas/medications';

/** The action as a clinician reads it in the history. */
export const ACTION_LABELS: Record<MedicationAction, string> = {
  START: 'Started',
  INCREASE: 'Increased',
  DECREASE: 'Decreased',
  HOLD: 'Held',
  RESUME: 'Resumed',
  STOP: 'Stopped',
  ENTERED_IN_ERROR: 'Entered in error',
};

/** The action as a choice in the form. */
export const ACTION_CHOICES: Record<MedicationAction, string> = {
  START: 'Start a medication',
  INCREASE: 'Increase a dose',
  DECREASE: 'Decrease a dose',
  HOLD: 'Hold a medication',
  RESUME: 'Resume a held medication',
  STOP: 'Stop a medication',
  ENTERED_IN_ERROR: 'Mark an earlier change as entered in error',
};

export const STATUS_LABELS: Record<MedicationStatus, string> = {
  ACTIVE: 'Active',
  HELD: 'On hold',
  STOPPED: 'Stopped',
};

/** "Increased Sertraline to 150 mg": one line naming a change. */
export function changeTitle(
  change: Pick<MedicationChange, 'action' | 'medication' | 'dose' | 'unit'>,
): string {
  const dose = formatDose(change.dose, change.unit);
  switch (change.action) {
    case 'START':
      return `Started ${change.medication}${dose ? ` ${dose}` : ''}`;
    case 'INCREASE':
    case 'DECREASE':
      return `${ACTION_LABELS[change.action]} ${change.medication}${dose ? ` to ${dose}` : ''}`;
    case 'ENTERED_IN_ERROR':
      return `${change.medication}: an earlier change marked as entered in error`;
    default:
      return `${ACTION_LABELS[change.action]} ${change.medication}`;
  }
}

/** A short label for a chart marker: "Sertraline ↑150 mg". */
export function markerLabel(
  change: Pick<MedicationChange, 'action' | 'medication' | 'dose' | 'unit'>,
): string {
  const dose = formatDose(change.dose, change.unit);
  const verb: Record<MedicationAction, string> = {
    START: 'start',
    INCREASE: '↑',
    DECREASE: '↓',
    HOLD: 'hold',
    RESUME: 'resume',
    STOP: 'stop',
    ENTERED_IN_ERROR: 'corrected',
  };
  const sign = change.action === 'INCREASE' || change.action === 'DECREASE';
  return `${change.medication} ${verb[change.action]}${sign ? '' : ' '}${dose && change.action !== 'STOP' && change.action !== 'ENTERED_IN_ERROR' ? dose : ''}`.trim();
}

/** How many changes the Medications section shows. */
export const HISTORY_LIMIT = 100;
