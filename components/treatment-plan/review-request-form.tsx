'use client';

import { SuccessNotice } from '@/components/forms/success-notice';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RadioCardsField, TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { reviewReasonLabels } from '@/components/treatment-plan/labels';
import { Card } from '@/components/ui/card';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { PlanReviewRequest, ReviewReason } from '@/lib/schemas/treatment-plan';
import { REVIEW_REASONS } from '@/lib/schemas/enums';
import { useCreateForm } from '@/components/forms/use-schema-form';

const reasonHints: Record<ReviewReason, string> = {
  TOO_INTENSE: 'Too much to do, or too often.',
  TOO_COSTLY: 'Visits, medicine or travel cost more than you can manage.',
  HARD_TO_KEEP_UP: 'Hard to fit into your days.',
  NOT_HELPING: 'You don’t feel it’s making a difference.',
  OTHER: 'Tell us in your own words.',
};

type ReviewForm = { reason: ReviewReason | ''; detail: string };

const toInput = ({ reason, detail }: ReviewForm) => ({ reason, ...(detail ? { detail } : {}) });

type ReviewRequestProps = { patientId: string; open: PlanReviewRequest[] };

/** The patient's side of plan reviews, in its card (the team's is ReviewRequestsCard). */
export function ReviewRequestCard(props: ReviewRequestProps) {
  return (
    <Card
      title="Ask for a plan review"
      titleId="review-heading"
      description="If the plan isn’t working for you, say so. Your care team will talk it through with you."
    >
      <ReviewRequestForm {...props} />
    </Card>
  );
}

/** The patient asks the care team to review the plan, with a reason and their own words. */
export function ReviewRequestForm({ patientId, open }: ReviewRequestProps) {
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/treatment-plan').then((m) => m.PlanReviewRequestInput),
    `/api/v1/patients/${patientId}/treatment-plan/review-requests`,
    {
      defaultValues: { reason: '', detail: '' } as ReviewForm,
      toInput,
      mutationKey: queryKeys.treatmentPlan.requestReview(patientId),
      onCreated: async () => {
        setSent(true);
        await refresh(queryClient, refreshAfter.planReviewRequest(patientId));
      },
    },
  );

  return (
    <div className="space-y-4">
      <OpenRequests open={open} />
      <SuccessNotice>
        {sent ? (
          <>Thank you. Your care team has been told, and they’ll talk it through with you.</>
        ) : null}
      </SuccessNotice>
      <SchemaForm
        form={form}
        busy={mutation.isPending}
        className="space-y-4"
        onSubmit={(input) => {
          setSent(false);
          mutation.mutate(input);
        }}
      >
        <RadioCardsField
          name="reason"
          legend="Why would you like a review?"
          columns="sm:grid-cols-2"
          error="Choose the reason that fits best."
          choices={REVIEW_REASONS.map((reason) => ({
            value: reason,
            label: reviewReasonLabels[reason],
            hint: reasonHints[reason],
          }))}
        />
        <TextAreaField
          name="detail"
          label="Anything you’d like them to know"
          optional
          className="min-h-20"
        />
        <SubmitButton pendingLabel="Sending…">Ask for a plan review</SubmitButton>
      </SchemaForm>
    </div>
  );
}

function OpenRequests({ open }: { open: PlanReviewRequest[] }) {
  if (open.length === 0) return null;
  return (
    <ul className="space-y-2">
      {open.map((request) => (
        <li key={request.id} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          You asked for a review <LocalDateTime iso={request.createdAt} /> (
          {reviewReasonLabels[request.reason].toLowerCase()}). Your care team has it.
        </li>
      ))}
    </ul>
  );
}
