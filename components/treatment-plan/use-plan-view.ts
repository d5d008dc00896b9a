'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch, isBackgroundFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { TreatmentPlanView } from '@/lib/schemas/treatment-plan';

/** The current plan of a patient, as its page loaded it, refreshed after each change to it. */
export function usePlanView(patientId: string, initialView: TreatmentPlanView): TreatmentPlanView {
  return useQuery({
    queryKey: queryKeys.treatmentPlan.current(patientId),
    queryFn: (context) =>
      apiFetch<TreatmentPlanView>(`/api/v1/patients/${patientId}/treatment-plan`, {
        background: isBackgroundFetch(context),
      }),
    initialData: initialView,
  }).data;
}
