// The organization's escalation delay for urgent safety flags (issue 13): minutes an URGENT flag
// may stay unacknowledged before its care team and the admins are emailed (again at twice it).
import { z } from 'zod';

export const ESCALATION_MINUTES_MIN = 5;
export const ESCALATION_MINUTES_MAX = 1440;

const Minutes = z
  .int({ message: 'Enter a whole number of minutes.' })
  .min(ESCALATION_MINUTES_MIN, { message: `At least ${ESCALATION_MINUTES_MIN} minutes.` })
  .max(ESCALATION_MINUTES_MAX, { message: 'At most 1440 minutes (a day).' })
  .meta({
    description:
      'Minutes an urgent safety flag may stay unacknowledged before the care team and the admins are emailed; again at twice it.',
    example: 60,
  });

/** GET and PUT /organization/safety-escalation. */
export const SafetyEscalation = z.object({ safetyEscalationMinutes: z.int() });
export type SafetyEscalation = z.infer<typeof SafetyEscalation>;

export const SafetyEscalationInput = z.strictObject({ safetyEscalationMinutes: Minutes });
export type SafetyEscalationInput = z.input<typeof SafetyEscalationInput>;
