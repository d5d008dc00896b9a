// The plain values of lib/schemas/safety-flags.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

import type { SafetyFlagOutcome } from '@/lib/schemas/enums';

/** The outcome of a resolved flag, as the resolve form offers it. */
export const OUTCOME_LABELS: Record<SafetyFlagOutcome, string> = {
  CONTACTED_PATIENT: 'Contacted the patient',
  SAFETY_PLAN_REVIEWED: 'Reviewed the safety plan',
  EMERGENCY_SERVICES: 'Involved emergency services',
  NO_ACTION_NEEDED: 'No action needed',
  OTHER: 'Other',
};
