// The medication wording lives in lib/clinical/medication-wording.ts (one home for every reader).
export {
  ACTION_CHOICES,
  ACTION_LABELS,
  changeTitle,
  markerLabel,
  STATUS_LABELS,
} from '@/lib/clinical/medication-wording';

/** How many changes the Medications section shows. */
export const HISTORY_LIMIT = 100;
