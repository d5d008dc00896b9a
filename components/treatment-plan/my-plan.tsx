'use client';

import { MyPlanContent } from '@/components/treatment-plan/my-plan-content';
import { PlanAcknowledgementSection } from '@/components/treatment-plan/plan-acknowledgement';
import { ReviewRequestCard } from '@/components/treatment-plan/review-request-form';
import { usePlanView, type PlanPageProps } from '@/components/treatment-plan/use-plan-view';
import { PlanCommentsCard } from '@/components/treatment-plan/plan-comments';
import { EmptyState } from '@/components/ui/empty-state';

/** The patient's own plan in plain language, and their part in it. */
export function MyPlan({ patientId, selfId, initialView, initialComments }: PlanPageProps) {
  const view = usePlanView(patientId, initialView);

  const plan = view.plan;
  if (!plan) {
    return (
      <EmptyState title="Your care team hasn’t written your plan yet">
        <p>Once they do, you’ll see your goals and what you’re working on together here.</p>
      </EmptyState>
    );
  }
  const progress = new Map(view.progress.map((p) => [p.goalKey, p]));

  return (
    <div className="space-y-6">
      <PlanAcknowledgementSection
        patientId={patientId}
        plan={plan}
        acknowledged={view.acknowledged}
      />
      <MyPlanContent
        plan={plan}
        progress={progress}
        statuses={view.goalStatuses}
        medications={view.medications}
      />

      <PlanCommentsCard
        reader="patient"
        patientId={patientId}
        selfId={selfId}
        initial={initialComments}
      />

      <ReviewRequestCard patientId={patientId} open={view.openReviewRequests} />
    </div>
  );
}
