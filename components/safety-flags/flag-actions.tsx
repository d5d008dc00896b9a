'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Options, SelectField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { SAFETY_FLAG_OUTCOMES } from '@/lib/schemas/enums';
import type { ResolveSafetyFlagInput, SafetyFlagOutcome } from '@/lib/schemas/safety-flags';
import { OUTCOME_LABELS } from '@/lib/schemas/safety-flags-values';

function flagPath(patientId: string, flagId: string, step: string): `/api/v1/${string}` {
  return `/api/v1/patients/${encodeURIComponent(patientId)}/safety-flags/${encodeURIComponent(flagId)}/${step}`;
}

/** Acknowledges an open flag at once: the team and the patient learn someone has seen it. */
export function AcknowledgeButton({ patientId, flagId }: { patientId: string; flagId: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationKey: queryKeys.patients.safetyFlagStep(patientId, flagId, 'acknowledge'),
    mutationFn: () => apiFetch(flagPath(patientId, flagId, 'acknowledge'), { method: 'POST' }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="space-y-2">
      <Button
        variant="primary"
        disabled={mutation.isPending}
        aria-busy={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {mutation.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </Button>
      {mutation.isError ? (
        <p role="alert" className="text-sm text-rose-800">
          {problemMessage(mutation.error)}
        </p>
      ) : null}
    </div>
  );
}

/** Resolves an acknowledged flag with its outcome and a note, after a confirmation. */
export function ResolveForm({ patientId, flagId }: { patientId: string; flagId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<ResolveSafetyFlagInput | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/safety-flags').then((m) => m.ResolveSafetyFlagInput),
    {
      defaultValues: { outcome: '' as SafetyFlagOutcome, note: '' },
    },
  );
  const mutation = useMutation({
    mutationKey: queryKeys.patients.safetyFlagStep(patientId, flagId, 'resolve'),
    mutationFn: (input: ResolveSafetyFlagInput) =>
      apiFetch(flagPath(patientId, flagId, 'resolve'), { method: 'POST', body: input }),
    onSuccess: () => {
      setPending(null);
      router.refresh();
    },
    onError: (error) => {
      setPending(null);
      form.showProblem(error);
    },
  });
  return (
    <SchemaForm
      form={form}
      onSubmit={setPending}
      className="space-y-3"
      aria-label="Resolve this flag"
    >
      <SelectField name="outcome" label="Outcome">
        <Options
          values={SAFETY_FLAG_OUTCOMES}
          labels={OUTCOME_LABELS}
          empty="Choose what was done"
        />
      </SelectField>
      <TextAreaField
        name="note"
        label="Note"
        hint="What you did and what happens next. The care team reads it; the patient does not."
        rows={3}
      />
      <Button type="submit" variant="secondary">
        Resolve flag
      </Button>
      <ConfirmDialog
        open={pending !== null}
        title="Resolve this safety flag?"
        confirmLabel="Resolve flag"
        pendingLabel="Resolving…"
        isPending={mutation.isPending}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        <p>
          The flag leaves the caseload and moves to the flag history with your outcome and note.
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </SchemaForm>
  );
}
