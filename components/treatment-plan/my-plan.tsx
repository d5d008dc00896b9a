'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { goalStatusLabel, interventionLabel } from '@/components/my-care/plain-language';
import { patientProgressText, reviewReasonLabels } from '@/components/treatment-plan/labels';
import { PlanComments } from '@/components/treatment-plan/plan-comments';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, isBackgroundFetch, problemMessage } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { formatDate } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import {
  PlanReviewRequestInput,
  REVIEW_REASONS,
  type PlanAcknowledgement,
  type PlanCommentList,
  type PlanReviewRequest,
  type ReviewReason,
  type TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';

const reasonHints: Record<ReviewReason, string> = {
  TOO_INTENSE: 'Too much to do, or too often.',
  TOO_COSTLY: 'Visits, medicine or travel cost more than you can manage.',
  HARD_TO_KEEP_UP: 'Hard to fit into your days.',
  NOT_HELPING: 'You don’t feel it’s making a difference.',
  OTHER: 'Tell us in your own words.',
};

function weeksText(days: number): string {
  if (days % 7 === 0) return days === 7 ? 'every week' : `every ${days / 7} weeks`;
  return `every ${days} days`;
}

/** The patient's own plan in plain language, and their part in it. */
export function MyPlan({
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
  const query = useQuery({
    queryKey: queryKeys.treatmentPlan.current(patientId),
    queryFn: (context) =>
      apiFetch<TreatmentPlanView>(`/api/v1/patients/${patientId}/treatment-plan`, {
        background: isBackgroundFetch(context),
      }),
    initialData: initialView,
  });
  const view = query.data;
  const acknowledge = useCreateMutation({
    mutationKey: queryKeys.treatmentPlan.acknowledge(patientId),
    mutationFn: (version: number, idempotencyKey) =>
      apiFetch<PlanAcknowledgement>(
        `/api/v1/patients/${patientId}/treatment-plan/acknowledgements`,
        { method: 'POST', body: { version }, idempotencyKey },
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.treatmentPlan.current(patientId) }),
  });

  const plan = view.plan;
  if (!plan) {
    return (
      <EmptyState title="Your care team hasn’t written your plan yet">
        <p>Once they do, you’ll see your goals and what you’re working on together here.</p>
      </EmptyState>
    );
  }
  const progress = new Map(view.progress.map((p) => [p.goalKey, p]));
  const isCurrentAcknowledged = view.acknowledged?.version === plan.version;

  return (
    <div className="space-y-6">
      <section
        aria-labelledby="ack-heading"
        className={`rounded-xl border p-5 sm:p-6 ${
          isCurrentAcknowledged ? 'border-teal-200 bg-teal-50' : 'border-amber-300 bg-amber-50'
        }`}
      >
        <h2 id="ack-heading" className="text-lg font-semibold text-slate-900">
          Version {plan.version} of your plan
        </h2>
        <p className="mt-1 text-slate-800">
          Updated by {plan.author.name} on {formatDate(plan.createdAt.slice(0, 10), 'long')}.
        </p>
        {plan.changeSummary ? (
          <p className="mt-2 text-slate-800">
            <span className="font-medium">What changed: </span>
            {plan.changeSummary}
          </p>
        ) : null}
        <div role="status" className="mt-3">
          {isCurrentAcknowledged ? (
            <p className="font-medium text-teal-900">
              You told your care team you read this version
              {view.acknowledged ? (
                <>
                  {' '}
                  on <LocalDateTime iso={view.acknowledged.acknowledgedAt} withRelative={false} />
                </>
              ) : null}
              .
            </p>
          ) : (
            <p className="text-slate-900">
              {view.acknowledged
                ? `You last confirmed version ${view.acknowledged.version}. This version is new: please read it, then let your care team know.`
                : 'Please read your plan, then let your care team know you have.'}
            </p>
          )}
        </div>
        {!isCurrentAcknowledged ? (
          <div className="mt-3">
            <Button
              onClick={() => acknowledge.mutate(plan.version)}
              disabled={acknowledge.isPending}
            >
              {acknowledge.isPending ? 'Saving…' : 'I’ve read this version'}
            </Button>
            {acknowledge.isError ? (
              <p role="alert" className="mt-2 text-sm text-red-800">
                {problemMessage(acknowledge.error)}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      <Card
        title="Your plan"
        titleId="plan-heading"
        description="What you and your care team agreed."
      >
        <div className="space-y-8">
          <div>
            <h3 className="font-semibold text-slate-900">In your own words</h3>
            {plan.patientGoalsOwnWords ? (
              <blockquote className="mt-2 border-l-4 border-teal-600 bg-teal-50/60 py-2 pr-3 pl-4 whitespace-pre-line text-slate-800">
                {plan.patientGoalsOwnWords}
              </blockquote>
            ) : (
              <p className="mt-2 text-slate-600">Nothing written here yet.</p>
            )}
          </div>
          <div>
            <h3 className="font-semibold text-slate-900">Your goals and how you’re doing</h3>
            {plan.goals.length === 0 ? (
              <p className="mt-2 text-slate-600">No goals have been added yet.</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {plan.goals.map((goal) => {
                  const p = progress.get(goal.goalKey);
                  return (
                    <li key={goal.goalKey} className="rounded-lg border border-slate-200 p-4">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <p className="text-slate-900">{goal.description}</p>
                        <Badge tone={goal.status === 'ACHIEVED' ? 'teal' : 'neutral'}>
                          {goalStatusLabel(goal.status)}
                        </Badge>
                      </div>
                      {p ? (
                        <p className="mt-2 text-sm text-slate-700">
                          {patientProgressText(goal, p)}
                        </p>
                      ) : null}
                      {goal.targetDate ? (
                        <p className="mt-1 text-sm text-slate-700">
                          Aiming for {formatDate(goal.targetDate, 'long')}.
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <div>
            <h3 className="font-semibold text-slate-900">What we’re working on</h3>
            <ul className="mt-3 space-y-3">
              {plan.interventions.map((item, i) => (
                <li key={i} className="rounded-lg border border-slate-200 p-4">
                  <p className="font-medium text-slate-900">{interventionLabel(item.kind)}</p>
                  <p className="mt-1 text-slate-800">{item.description}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    {item.owner ? `With ${item.owner.name}` : 'With your care team'} ·{' '}
                    {item.frequency}
                  </p>
                </li>
              ))}
            </ul>
          </div>
          <div className="space-y-1 border-t border-slate-200 pt-4 text-sm text-slate-800">
            <p>
              <span className="font-medium text-slate-900">Next plan review: </span>
              {plan.reviewBy ? formatDate(plan.reviewBy, 'long') : 'not set yet'}
            </p>
            <p>
              <span className="font-medium text-slate-900">Mood and worry questionnaires: </span>
              {weeksText(plan.assessmentIntervalDays)}
            </p>
          </div>
        </div>
      </Card>

      <Card
        title="Questions and comments"
        titleId="comments-heading"
        description="Your care team reads these and can reply here."
      >
        <PlanComments
          patientId={patientId}
          selfId={selfId}
          initial={initialComments}
          label="Add a comment or question"
        />
      </Card>

      <Card
        title="Ask for a plan review"
        titleId="review-heading"
        description="If the plan isn’t working for you, say so. Your care team will talk it through with you."
      >
        <ReviewRequestForm patientId={patientId} open={view.openReviewRequests} />
      </Card>
    </div>
  );
}

type ReviewForm = { reason: ReviewReason | ''; detail: string };

function ReviewRequestForm({ patientId, open }: { patientId: string; open: PlanReviewRequest[] }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ReviewForm, unknown, { reason: ReviewReason; detail?: string }>({
    resolver: zodResolver(PlanReviewRequestInput) as never,
    defaultValues: { reason: '', detail: '' },
  });
  const mutation = useCreateMutation({
    mutationKey: queryKeys.treatmentPlan.requestReview(patientId),
    mutationFn: (input: { reason: ReviewReason; detail?: string }, idempotencyKey) =>
      apiFetch<PlanReviewRequest>(`/api/v1/patients/${patientId}/treatment-plan/review-requests`, {
        method: 'POST',
        body: input,
        idempotencyKey,
      }),
    onSuccess: async () => {
      reset({ reason: '', detail: '' });
      setSent(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.treatmentPlan.current(patientId) });
    },
    onError: (error) => setSummary(applyProblem(error, setError, ['reason', 'detail'])),
  });
  const reasonError = errors.reason ? 'Choose the reason that fits best.' : undefined;

  return (
    <div className="space-y-4">
      {open.length > 0 ? (
        <ul className="space-y-2">
          {open.map((request) => (
            <li
              key={request.id}
              className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
            >
              You asked for a review <LocalDateTime iso={request.createdAt} /> (
              {reviewReasonLabels[request.reason].toLowerCase()}). Your care team has it.
            </li>
          ))}
        </ul>
      ) : null}
      <div role="status">
        {sent ? (
          <p className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900">
            Thank you. Your care team has been told, and they’ll talk it through with you.
          </p>
        ) : null}
      </div>
      <form
        noValidate
        aria-busy={mutation.isPending}
        className="space-y-4"
        onSubmit={handleSubmit((input) => {
          setSummary([]);
          setSent(false);
          mutation.mutate({
            reason: input.reason,
            ...(input.detail ? { detail: input.detail } : {}),
          });
        })}
      >
        <FormAlert messages={summary} />
        <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
          <legend className="text-sm font-medium text-slate-900">
            Why would you like a review?
          </legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {REVIEW_REASONS.map((reason) => (
              <label
                key={reason}
                className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-teal-700 has-checked:bg-teal-50"
              >
                <input
                  type="radio"
                  value={reason}
                  className="mt-1 h-4 w-4 accent-teal-700"
                  {...register('reason')}
                />
                <span>
                  <span className="block font-medium text-slate-900">
                    {reviewReasonLabels[reason]}
                  </span>
                  <span className="block text-sm text-slate-600">{reasonHints[reason]}</span>
                </span>
              </label>
            ))}
          </div>
          {reasonError ? <FieldError id={`${id}-reason-error`}>{reasonError}</FieldError> : null}
        </fieldset>
        <Field
          id={`${id}-detail`}
          label="Anything you’d like them to know"
          optional
          error={errors.detail?.message}
        >
          {(control) => (
            <textarea {...control} className={`${inputClass} min-h-20`} {...register('detail')} />
          )}
        </Field>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Sending…' : 'Ask for a plan review'}
        </Button>
      </form>
    </div>
  );
}
