'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch, isBackgroundFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PlanCommentList, TreatmentPlanView } from '@/lib/schemas/treatment-plan';

/** What a plan page (the clinician's tab, the patient's page) hands its plan component. */
export type PlanPageProps = {
  patientId: string;
  selfId: string;
  initialView: TreatmentPlanView;
  initialComments: PlanCommentList;
};

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
