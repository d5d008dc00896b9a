// The safety-plan editor's form values and their conversions (zod-free, so that the page's first
// load does without it; the form's schema is in ./safety-plan-schema, loaded when the form checks).
import type { z } from 'zod';
import { apiFetch } from '@/lib/api-client';
import type { SafetyPlanInput, SafetyPlanVersion } from '@/lib/schemas/safety-plan';
import type { SafetyPlanFormValues } from './safety-plan-schema';

export type { SafetyPlanFormValues };

/** The sections written as a list of single lines (the form holds each as `{ text }`). */
const TEXT_SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'environmentSafety',
  'reasonsForLiving',
] as const;

const orNull = (value: string) => value.trim() || null;

/** The PUT body: an empty optional field is left out (null). */
export function toInput(values: SafetyPlanFormValues): SafetyPlanInput {
  const lines = (items: { text: string }[]) => items.map((item) => item.text);
  return {
    warningSigns: lines(values.warningSigns),
    copingStrategies: lines(values.copingStrategies),
    distractions: values.distractions.map((d) => ({
      name: d.name,
      phone: orNull(d.phone),
      place: orNull(d.place),
    })),
    helpers: values.helpers.map((h) => ({ name: h.name, phone: h.phone })),
    professionals: values.professionals.map((p) => ({
      name: p.name,
      phone: p.phone,
      role: orNull(p.role),
    })),
    environmentSafety: lines(values.environmentSafety),
    reasonsForLiving: lines(values.reasonsForLiving),
    changeNote: orNull(values.changeNote),
  };
}

/** `warningSigns.2` of the body is the field `warningSigns.2.text` of the form. */
export function fieldOf(path: string): string {
  const [section, index, ...rest] = path.split('.');
  const isText = (TEXT_SECTIONS as readonly string[]).includes(section ?? '');
  return isText && index !== undefined && rest.length === 0 ? `${path}.text` : path;
}

/** A saved version (or nothing yet) as form values. */
export function toForm(plan: SafetyPlanVersion | null): SafetyPlanFormValues {
  const lines = (items: string[] | undefined) => (items ?? []).map((text) => ({ text }));
  return {
    warningSigns: lines(plan?.warningSigns),
    copingStrategies: lines(plan?.copingStrategies),
    distractions: (plan?.distractions ?? []).map((d) => ({
      name: d.name,
      phone: d.phone ?? '',
      place: d.place ?? '',
    })),
    helpers: (plan?.helpers ?? []).map((h) => ({ ...h })),
    professionals: (plan?.professionals ?? []).map((p) => ({
      name: p.name,
      phone: p.phone,
      role: p.role ?? '',
    })),
    environmentSafety: lines(plan?.environmentSafety),
    reasonsForLiving: lines(plan?.reasonsForLiving),
    changeNote: '',
  };
}

/** PUT with If-Match; a failure is thrown as an ApiProblem (412 when someone saved first). */
export function putSafetyPlan(
  patientId: string,
  baseVersion: number,
  body: z.output<typeof SafetyPlanInput>,
): Promise<SafetyPlanVersion> {
  return apiFetch<SafetyPlanVersion>(`/api/v1/patients/${patientId}/safety-plan`, {
    method: 'PUT',
    headers: { 'If-Match': `"${baseVersion}"` },
    body,
  });
}
