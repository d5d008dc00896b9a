// What the plan shows beside its own words: each goal's one displayed status and the live
// regimen of the medications its interventions name (part of GET .../treatment-plan).
import { z } from 'zod';
import { DISPLAYED_GOAL_STATUSES } from '@/lib/clinical/goal-progress';
import { MEDICATION_STATUSES } from '@/lib/schemas/enums';
import { Id } from '@/lib/schemas/common';

/** A goal's one displayed status (lib/clinical/goal-progress.ts `displayedGoalStatus`). */
export const GoalDisplayStatus = z.object({
  goalKey: Id,
  status: z.enum(DISPLAYED_GOAL_STATUSES),
});
export type GoalDisplayStatus = z.infer<typeof GoalDisplayStatus>;

/** A medication the plan's interventions name, as the live regimen has it now. */
export const PlanMedication = z.object({
  medicationKey: z.string(),
  medication: z.string(),
  status: z.enum(MEDICATION_STATUSES),
  dose: z.number().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
});
export type PlanMedication = z.infer<typeof PlanMedication>;
