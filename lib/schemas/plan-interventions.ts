// A plan's intervention as the editor and the API send it (lib/schemas/treatment-plan.ts re-exports it).
import { z } from 'zod';
import { medicationKey } from '@/lib/clinical/regimen';
import { Id, singleLine } from '@/lib/schemas/common';
import { INTERVENTION_KINDS } from '@/lib/schemas/enums';

/**
 * One intervention: what, how often, and its owner (an active clinician of the care team). A
 * medication-management intervention may name the medication it is about (`medicationKey`, the
 * regimen's key of a medication in the patient's history), so the plan shows its current dose.
 */
export const PlanInterventionInput = z
  .strictObject({
    kind: z.enum(INTERVENTION_KINDS),
    description: singleLine(500),
    ownerId: Id,
    frequency: singleLine(200),
    medicationKey: singleLine(200).transform(medicationKey).nullable().optional(),
  })
  .superRefine((item, ctx) => {
    if (item.medicationKey && item.kind !== 'MEDICATION_MANAGEMENT') {
      ctx.addIssue({
        code: 'custom',
        path: ['medicationKey'],
        message: 'Only a medication-management intervention names a medication.',
      });
    }
  });
export type PlanInterventionInput = z.infer<typeof PlanInterventionInput>;
