// Medication changes in words, for every reader: the history, the brief, the chart markers, the
// timeline and the patient's pages. Pure (client components import it), so a change is said the
// same way everywhere and a new action is worded in one place.
import { formatDose } from '@/lib/format';
import type { MedicationAction, MedicationStatus } from '@/lib/schemas/medications';

/** A dose as stored (a Prisma Decimal) or sent (a number). */
type Dose = { toString(): string } | null;

type Change = { action: string; medication: string; dose: Dose; unit: string | null };

/** The action as a clinician reads it in the history and the brief. */
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

// How the patient's timeline opens a change ("Your dose of Sertraline went up to 100 mg").
const PATIENT_LEADS: Record<MedicationAction, string> = {
  START: 'You started',
  INCREASE: 'Your dose of',
  DECREASE: 'Your dose of',
  HOLD: 'A pause in',
  RESUME: 'You restarted',
  STOP: 'You stopped',
  ENTERED_IN_ERROR: 'A correction to',
};

function doseOf(dose: Dose): number | null {
  return dose === null ? null : Number(dose.toString());
}

function amount(change: Pick<Change, 'dose' | 'unit'>): string | null {
  return formatDose(doseOf(change.dose), change.unit);
}

/**
 * The dose a change left the patient on, when it set one (a start, a dose change, a resume):
 * what "from 50 mg" names when the next change moves the dose.
 */
export function doseBefore(previous: { action: string; dose: Dose } | null | undefined) {
  const dosed = ['START', 'INCREASE', 'DECREASE', 'RESUME'].includes(previous?.action ?? '');
  return previous && dosed ? doseOf(previous.dose) : null;
}

function actionOf(change: Pick<Change, 'action'>): MedicationAction {
  return change.action as MedicationAction;
}

/** "Increased Sertraline to 150 mg": one line naming a change, in the history. */
export function changeTitle(change: Change): string {
  const dose = amount(change);
  const action = actionOf(change);
  switch (action) {
    case 'START':
      return `Started ${change.medication}${dose ? ` ${dose}` : ''}`;
    case 'INCREASE':
    case 'DECREASE':
      return `${ACTION_LABELS[action]} ${change.medication}${dose ? ` to ${dose}` : ''}`;
    case 'ENTERED_IN_ERROR':
      return `${change.medication}: an earlier change marked as entered in error`;
    default:
      return `${ACTION_LABELS[action]} ${change.medication}`;
  }
}

/** "Increased Sertraline 100 mg, once daily": a change as the brief heads it. */
export function briefChangeTitle(change: Change & { frequency: string | null }): string {
  const dose = amount(change);
  return `${ACTION_LABELS[actionOf(change)]} ${change.medication}${dose ? ` ${dose}` : ''}${change.frequency ? `, ${change.frequency}` : ''}`;
}

/**
 * A chart marker: "Sertraline 50 → 100 mg" (the previous change in the chain gives the dose
 * before), "Trazodone started 50 mg", "Trazodone stopped".
 */
export function markerLabel(
  change: Change & {
    previousChange?: { action: string; dose: Dose } | null;
    effectiveDate?: Date | string;
  },
): string {
  const dose = doseOf(change.dose);
  const previous = doseBefore(change.previousChange);
  const now = amount(change);
  switch (change.action) {
    case 'START':
      return `${change.medication} started${now ? ` ${now}` : ''}`;
    case 'INCREASE':
    case 'DECREASE':
      if (previous !== null && dose !== null) return `${change.medication} ${previous} → ${now}`;
      return `${change.medication} ${change.action === 'INCREASE' ? 'up' : 'down'} to ${now ?? 'a new dose'}`;
    case 'HOLD':
      return `${change.medication} on hold`;
    case 'RESUME':
      return `${change.medication} resumed`;
    default:
      return `${change.medication} stopped`;
  }
}

/** A change on the timeline: to the patient in plain words, to a clinician as a short line. */
export function timelineTitle(change: Change, audience: 'patient' | 'clinician'): string {
  const dose = amount(change);
  const action = actionOf(change);
  if (audience === 'clinician') {
    const verb = action === 'ENTERED_IN_ERROR' ? 'entry marked in error' : ACTION_LABELS[action];
    return `${change.medication} ${(verb ?? 'changed').toLowerCase()}${dose ? ` (${dose})` : ''}`;
  }
  const lead = PATIENT_LEADS[action] ?? 'A change to';
  if (action === 'INCREASE' || action === 'DECREASE') {
    return `${lead} ${change.medication} went ${action === 'INCREASE' ? 'up' : 'down'}${dose ? ` to ${dose}` : ''}`;
  }
  return `${lead} ${change.medication}${dose ? ` ${dose}` : ''}`;
}

/** The last change of a medication, said to the patient ("Dose raised from 50 mg to 100 mg"). */
export function lastChangeText(
  action: string,
  dose: number | null,
  previousDose: number | null,
  unit: string | null,
): string {
  const now = formatDose(dose, unit);
  const before = formatDose(previousDose, unit);
  switch (action) {
    case 'START':
      return 'Started';
    case 'INCREASE':
      return before && now ? `Dose raised from ${before} to ${now}` : 'Dose raised';
    case 'DECREASE':
      return before && now ? `Dose lowered from ${before} to ${now}` : 'Dose lowered';
    case 'HOLD':
      return 'Put on hold';
    case 'RESUME':
      return 'Started again';
    default:
      return 'Changed';
  }
}
