'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { reviewReasonLabels } from '@/components/treatment-plan/labels';
import { PlanComments } from '@/components/treatment-plan/plan-comments';
import { PlanEditor } from '@/components/treatment-plan/plan-editor';
import { PlanHistory } from '@/components/treatment-plan/plan-history';
import { PlanReadView } from '@/components/treatment-plan/plan-read-view';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, isBackgroundFetch, problemMessage } from '@/lib/api-client';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type {
  PlanCommentList,
  PlanReviewRequest,
  TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';

/** The chart's Plan tab: the current version with progress, the editor, requests, comments, history. */
export function ClinicianPlan({
  patientId,
  selfId,
  initialView,
  initialComments,
}: {
  patientId: string;
  selfId: string;
  initialView: TreatmentPlanView;
  initialComments: PlanCommentList;
}) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const query = useQuery({
    queryKey: queryKeys.treatmentPlan.current(patientId),
    queryFn: (context) =>
      apiFetch<TreatmentPlanView>(`/api/v1/patients/${patientId}/treatment-plan`, {
        background: isBackgroundFetch(context),
      }),
    initialData: initialView,
  });
  const view = query.data;
  const resolve = useMutation({
    mutationKey: queryKeys.treatmentPlan.resolveReview(patientId),
    mutationFn: (request: PlanReviewRequest) =>
      apiFetch<PlanReviewRequest>(
        `/api/v1/patients/${patientId}/treatment-plan/review-requests/${request.id}/resolve`,
        { method: 'POST' },
      ),
    onSuccess: () => refresh(queryClient, refreshAfter.planReviewResolution(patientId)),
  });

  if (editing) {
    return (
      <Card title="Treatment plan" titleId="plan-heading">
        <PlanEditor
          patientId={patientId}
          base={view.plan}
          careTeam={view.careTeam}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(`Saved version ${saved.version}.`);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <div role="status" aria-live="polite">
        {notice ? (
          <p className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900">
            {notice}
          </p>
        ) : null}
      </div>

      {view.openReviewRequests.length > 0 ? (
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
            {view.openReviewRequests.map((request) => (
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
      ) : null}

      <Card
        title="Treatment plan"
        titleId="plan-heading"
        description={
          view.plan ? (
            <>
              Version {view.plan.version}, saved by {view.plan.author.name},{' '}
              <LocalDateTime iso={view.plan.createdAt} />.{' '}
              {view.acknowledged
                ? `The patient acknowledged version ${view.acknowledged.version}.`
                : 'The patient has not acknowledged a version yet.'}
            </>
          ) : (
            'No plan has been written yet.'
          )
        }
        actions={
          <button
            type="button"
            ref={editButton}
            className={buttonClass()}
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {view.plan ? 'Edit plan' : 'Write the plan'}
          </button>
        }
      >
        {view.plan ? (
          <div className="space-y-4">
            {view.plan.changeSummary ? (
              <p className="text-sm text-slate-700">
                <span className="font-medium text-slate-900">What changed: </span>
                {view.plan.changeSummary}
              </p>
            ) : null}
            <PlanReadView plan={view.plan} progress={view.progress} />
          </div>
        ) : (
          <EmptyState title="No plan yet">
            <p>Write the first version with the patient: their goals, targets and who does what.</p>
          </EmptyState>
        )}
      </Card>

      {view.plan ? (
        <>
          <Card
            title="Comments"
            titleId="plan-comments-heading"
            description="The patient’s comments on the plan, and the team’s replies."
          >
            <PlanComments
              patientId={patientId}
              selfId={selfId}
              initial={initialComments}
              label="Reply"
              hint="The patient sees replies on their plan page."
            />
          </Card>
          <Card
            title="Version history"
            titleId="plan-history-heading"
            description="Every saved version is kept. Compare any two side by side."
          >
            <PlanHistory patientId={patientId} currentVersion={view.version} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
