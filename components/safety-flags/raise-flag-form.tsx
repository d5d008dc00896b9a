'use client';

import { useRouter } from 'next/navigation';
import { Options, SelectField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useCreateForm } from '@/components/forms/use-schema-form';
import { queryKeys } from '@/lib/query-keys';
import { SAFETY_FLAG_URGENCIES } from '@/lib/schemas/enums';

const URGENCY_LABELS = {
  URGENT: 'Urgent: needs someone today',
  HIGH: 'High: needs follow-up soon',
} as const;

/** A clinician raises a flag by hand; the rest of the care team is told. */
export function RaiseFlagForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/safety-flags').then((m) => m.RaiseSafetyFlagInput),
    `/api/v1/patients/${encodeURIComponent(patientId)}/safety-flags`,
    {
      defaultValues: { urgency: 'HIGH', reason: '' },
      mutationKey: queryKeys.patients.raiseSafetyFlag(patientId),
      onCreated: () => router.refresh(),
    },
  );
  return (
    <SchemaForm
      form={form}
      mutation={mutation}
      className="space-y-3"
      aria-labelledby="raise-flag-heading"
      intro={
        <h3 id="raise-flag-heading" className="font-semibold text-slate-900">
          Raise a safety flag
        </h3>
      }
    >
      <SelectField name="urgency" label="Urgency">
        <Options values={SAFETY_FLAG_URGENCIES} labels={URGENCY_LABELS} />
      </SelectField>
      <TextAreaField
        name="reason"
        label="Reason"
        hint="What you noticed, for the rest of the care team. The patient does not see it."
        rows={3}
      />
      <SubmitButton variant="secondary" pendingLabel="Raising…">
        Raise flag
      </SubmitButton>
    </SchemaForm>
  );
}
