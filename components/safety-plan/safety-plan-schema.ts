// The safety-plan editor's schema: the form's shape piped into the API's own SafetyPlanInput, so
// the API's rules check what the form sends and the field paths of both are known
// (components/forms/schema-paths.ts). The editor loads it when it checks (issue 15: no zod on
// first load).
import { z } from 'zod';
import { SafetyPlanInput } from '@/lib/schemas/safety-plan';
import { toInput } from './safety-plan-form';

const texts = z.array(z.object({ text: z.string() }));

const FormShape = z.object({
  warningSigns: texts,
  copingStrategies: texts,
  distractions: z.array(z.object({ name: z.string(), phone: z.string(), place: z.string() })),
  helpers: z.array(z.object({ name: z.string(), phone: z.string() })),
  professionals: z.array(z.object({ name: z.string(), phone: z.string(), role: z.string() })),
  environmentSafety: texts,
  reasonsForLiving: texts,
  changeNote: z.string(),
});
export type SafetyPlanFormValues = z.infer<typeof FormShape>;

/** What the form checks and sends: its values, made into the API's body, checked by the API's schema. */
export const SafetyPlanForm = FormShape.transform(toInput).pipe(SafetyPlanInput);
