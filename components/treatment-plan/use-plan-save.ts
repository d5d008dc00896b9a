'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SchemaForm } from '@/components/forms/use-schema-form';
import {
  draftToForm,
  emptyPlan,
  formToDraft,
  putPlan,
  versionToDraft,
  withNotesOf,
  type PlanForm,
} from '@/components/treatment-plan/plan-form';
import { ApiProblem, apiFetch } from '@/lib/api-client';
import { rebasePlan } from '@/lib/clinical/plan-diff';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { PlanDiff } from '@/lib/schemas/plan-diff';
import type {
  PlanVersion,
  TreatmentPlanContent,
  TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';

export type Conflict = { current: PlanVersion; diff: PlanDiff | null };

/**
 * Saves the next version with If-Match on the version the editor started from. When someone else
 * saved first (412) it fetches their version and what they changed, and offers to reapply this
 * editor's changes on top of it (lib/clinical/plan-diff.ts) or to discard them.
 */
export function usePlanSave({
  patientId,
  initialBase,
  form,
  onSaved,
}: {
  patientId: string;
  initialBase: PlanVersion | null;
  form: SchemaForm<PlanForm, TreatmentPlanContent>;
  onSaved: (saved: PlanVersion) => void;
}) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initialBase);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function showConflict() {
    const found = await fetchConflict(patientId, base);
    if (!found) return;
    setConflict(found);
    await refresh(queryClient, refreshAfter.planConflict(patientId));
  }

  const mutation = useMutation({
    mutationKey: queryKeys.treatmentPlan.save(patientId),
    mutationFn: (input: TreatmentPlanContent) => putPlan(patientId, base?.version ?? 0, input),
    onSuccess: async (saved) => {
      await refresh(queryClient, refreshAfter.planSave(patientId));
      onSaved(saved);
    },
    onError: async (error) => {
      if (!(error instanceof ApiProblem && error.status === 412)) return form.showProblem(error);
      try {
        await showConflict();
      } catch (failure) {
        form.showProblem(failure);
      }
    },
  });

  /** Leaves the conflict for `current`, with the form holding `values`. */
  function settle(current: PlanVersion, values: PlanForm, message: string) {
    form.reset(values);
    setBase(current);
    setConflict(null);
    form.setSummary([]);
    setNotice(message);
  }

  function reapply() {
    if (!conflict) return;
    const mine = form.getValues();
    const merged = rebasePlan(
      base ? versionToDraft(base) : formToDraft(emptyPlan),
      formToDraft(mine),
      versionToDraft(conflict.current),
    );
    settle(
      conflict.current,
      withNotesOf(mine, draftToForm(merged)),
      `Your changes are now on top of version ${conflict.current.version}. Check them, then save again.`,
    );
  }

  function discard() {
    if (!conflict) return;
    settle(
      conflict.current,
      draftToForm(versionToDraft(conflict.current)),
      `Your changes were discarded. You are now editing version ${conflict.current.version}.`,
    );
  }

  function save(input: TreatmentPlanContent) {
    setNotice(null);
    mutation.mutate(input);
  }

  return { base, notice, conflict, mutation, save, reapply, discard };
}

/** The version someone else saved, and what they changed since `base`. */
async function fetchConflict(
  patientId: string,
  base: PlanVersion | null,
): Promise<Conflict | null> {
  const plan = `/api/v1/patients/${patientId}/treatment-plan` as const;
  const view = await apiFetch<TreatmentPlanView>(plan);
  if (!view.plan) return null;
  const diff = base
    ? await apiFetch<PlanDiff>(`${plan}/diff?from=${base.version}&to=${view.plan.version}`)
    : null;
  return { current: view.plan, diff };
}
