'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reviewReasonLabels } from '@/components/treatment-plan/labels';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { PlanReviewRequest } from '@/lib/schemas/treatment-plan';

/** The patient's open requests for a plan review; a clinician marks each resolved. */
export function ReviewRequestsCard({
  patientId,
  requests,
}: {
  patientId: string;
  requests: PlanReviewRequest[];
}) {
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationKey: queryKeys.treatmentPlan.resolveReview(patientId),
    mutationFn: (request: PlanReviewRequest) =>
      apiFetch<PlanReviewRequest>(
        `/api/v1/patients/${patientId}/treatment-plan/review-requests/${request.id}/resolve`,
        { method: 'POST' },
      ),
    onSuccess: () => refresh(queryClient, refreshAfter.planReviewResolution(patientId)),
  });
  if (requests.length === 0) return null;
  return (
    <Card
      title="The patient asked for a plan review"
      titleId="review-requests-heading"
      description="Talk it through with them; mark each request resolved once it is handled."
    >
      {resolve.isError ? (
        <p role="alert" className="mb-3 text-sm text-red-800">
          {problemMessage(resolve.error)}
        </p>
      ) : null}
      <ul className="space-y-3">
        {requests.map((request) => (
          <li
            key={request.id}
            className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4"
          >
            <div>
              <p className="font-medium text-slate-900">{reviewReasonLabels[request.reason]}</p>
              {request.detail ? (
                <p className="mt-1 whitespace-pre-line text-slate-800">{request.detail}</p>
              ) : null}
              <p className="mt-1 text-sm text-slate-700">
                Asked <LocalDateTime iso={request.createdAt} />
              </p>
            </div>
            <Button
              variant="secondary"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate(request)}
            >
              Mark resolved
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
