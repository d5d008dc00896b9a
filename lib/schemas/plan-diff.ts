// The difference between two treatment-plan versions (lib/clinical/plan-diff.ts computes it).
import { z } from 'zod';
import { PlanGoal, PlanIntervention } from '@/lib/schemas/treatment-plan';

const FieldChange = z.object({
  field: z.enum([
    'presentingConcerns',
    'patientGoalsOwnWords',
    'reviewBy',
    'assessmentIntervalDays',
  ]),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
});

const ItemChange = <T extends z.ZodType>(item: T) =>
  z.object({ before: item, after: item, fields: z.array(z.string()) });

/** The difference between two versions (lib/clinical/plan-diff.ts). */
export const PlanDiff = z.object({
  from: z.int(),
  to: z.int(),
  fields: z.array(FieldChange),
  goals: z.object({
    added: z.array(PlanGoal),
    removed: z.array(PlanGoal),
    changed: z.array(ItemChange(PlanGoal)),
    reordered: z.boolean(),
  }),
  interventions: z.object({
    added: z.array(PlanIntervention),
    removed: z.array(PlanIntervention),
    changed: z.array(ItemChange(PlanIntervention)),
    reordered: z.boolean(),
  }),
  summary: z.array(z.string()),
});
export type PlanDiff = z.infer<typeof PlanDiff>;
