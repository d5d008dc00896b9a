'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { SuccessNotice } from '@/components/forms/success-notice';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SafetyEscalation, SafetyEscalationInput } from '@/lib/schemas/safety-escalation';

type Values = { safetyEscalationMinutes: string };

const toForm = (settings: SafetyEscalation): Values => ({
  safetyEscalationMinutes: String(settings.safetyEscalationMinutes),
});

/** The organization's escalation delay for urgent safety flags, in minutes. */
export function SafetyEscalationSetting({ initial }: { initial: SafetyEscalation }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/safety-escalation').then((m) => m.SafetyEscalationInput),
    {
      defaultValues: toForm(initial),
      toInput: (values: Values) => ({
        safetyEscalationMinutes: Number(values.safetyEscalationMinutes.trim() || Number.NaN),
      }),
    },
  );
  const mutation = useMutation({
    mutationKey: queryKeys.organization.saveSafetyEscalation,
    mutationFn: (body: SafetyEscalationInput) =>
      apiFetch<SafetyEscalation>('/api/v1/organization/safety-escalation', {
        method: 'PUT',
        body,
      }),
    onSuccess: (saved) => {
      form.reset(toForm(saved));
      setNotice(`Saved: the first email goes after ${saved.safetyEscalationMinutes} minutes.`);
      router.refresh();
    },
    onError: form.showProblem,
  });
  return (
    <SchemaForm
      form={form}
      mutation={{
        isPending: mutation.isPending,
        mutate: (body) => {
          setNotice(null);
          mutation.mutate(body);
        },
      }}
      aria-label="Safety escalation"
    >
      <TextField
        name="safetyEscalationMinutes"
        label="Minutes before the first email"
        hint="From 5 to 1440. A second email goes at twice this time if the flag is still not acknowledged."
        type="number"
        inputMode="numeric"
        min={5}
        max={1440}
        className="max-w-40"
      />
      <SuccessNotice>{notice}</SuccessNotice>
      <SubmitButton pendingLabel="Saving…">Save escalation time</SubmitButton>
    </SchemaForm>
  );
}
