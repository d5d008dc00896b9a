'use client';

import { SuccessNotice } from '@/components/forms/success-notice';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { SchemaForm } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDate } from '@/lib/format';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type {
  MedicationChangeInput,
  MedicationChange,
  RegimenItem,
} from '@/lib/schemas/medications';
import { useCreate } from '@/lib/use-create-mutation';
import { changeTitle } from './medication-text';
import {
  ActionField,
  ChangeDetailsFields,
  DoseFields,
  MedicationField,
} from './record-change-fields';
import { emptyForm, toInput } from './record-change-values';

type Output = MedicationChangeInput;

/** Prescribers: record a start, dose change, hold, resume, stop or correction. */
export function RecordChangeForm({
  patientId,
  regimen,
  recentChanges,
}: {
  patientId: string;
  regimen: RegimenItem[];
  recentChanges: MedicationChange[];
}) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState<Output | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/medications').then((m) => m.MedicationChangeInput),
    { defaultValues: emptyForm(), toInput },
  );
  const action = useWatch({ control: form.control, name: 'action' });

  const mutation = useCreate<MedicationChange, Output>(
    `/api/v1/patients/${patientId}/medication-changes`,
    {
      mutationKey: queryKeys.patients.recordMedicationChange(patientId),
      onSuccess: async (change) => {
        setPending(null);
        form.reset(emptyForm());
        setDone(`Recorded: ${changeTitle(change)}.`);
        await refresh(queryClient, refreshAfter.medicationChange(patientId));
      },
      onError: (error) => {
        setPending(null);
        form.showProblem(error);
      },
    },
  );
  const correctable = recentChanges.filter(
    (c) => c.action !== 'ENTERED_IN_ERROR' && c.correctedById === null,
  );

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      onSubmit={(input) => {
        setDone(null);
        if (input.action === 'STOP' || input.action === 'ENTERED_IN_ERROR') setPending(input);
        else mutation.mutate(input);
      }}
    >
      <SuccessNotice>
        {done ? <>{done} The history and the regimen are up to date.</> : null}
      </SuccessNotice>
      <ActionField />
      <MedicationField regimen={regimen} correctable={correctable} />
      <DoseFields regimen={regimen} />
      {action ? <ChangeDetailsFields pending={mutation.isPending} /> : null}
      <ConfirmChange
        pending={pending}
        correctable={correctable}
        isPending={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && mutation.mutate(pending)}
      />
    </SchemaForm>
  );
}

/** A stop or a correction is confirmed first: the patient sees it at once. */
function ConfirmChange({
  pending,
  correctable,
  isPending,
  onCancel,
  onConfirm,
}: {
  pending: Output | null;
  correctable: MedicationChange[];
  isPending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const target = correctable.find((c) => c.id === pending?.correctsId);
  const isStop = pending?.action === 'STOP';
  return (
    <ConfirmDialog
      open={pending !== null}
      title={
        isStop
          ? `Stop ${pending.medication ?? 'this medication'}?`
          : 'Mark this change as entered in error?'
      }
      confirmLabel={isStop ? 'Stop the medication' : 'Mark as entered in error'}
      pendingLabel="Recording…"
      isPending={isPending}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {isStop ? (
        <p>
          The medication leaves the active regimen from {formatDate(pending.effectiveDate)}. The
          care team and the patient will see this change at once.
        </p>
      ) : (
        <p>
          {target ? `“${changeTitle(target)}” ` : 'The chosen change '}will no longer count toward
          the regimen. Both entries stay in the history; this cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
