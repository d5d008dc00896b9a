'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { formatDate } from '@/lib/format';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { PlanAcknowledgement, TreatmentPlanView } from '@/lib/schemas/treatment-plan';
import { ChangeSummary } from '@/components/treatment-plan/change-summary';

type Plan = NonNullable<TreatmentPlanView['plan']>;

/** The plan's version and the patient's "I've read this version". */
export function PlanAcknowledgementSection({
  patientId,
  plan,
  acknowledged,
}: {
  patientId: string;
  plan: Plan;
  acknowledged: TreatmentPlanView['acknowledged'];
}) {
  const queryClient = useQueryClient();
  const acknowledge = useCreateMutation({
    mutationKey: queryKeys.treatmentPlan.acknowledge(patientId),
    mutationFn: (version: number, idempotencyKey) =>
      apiFetch<PlanAcknowledgement>(
        `/api/v1/patients/${patientId}/treatment-plan/acknowledgements`,
        { method: 'POST', body: { version }, idempotencyKey },
      ),
    onSettled: () => refresh(queryClient, refreshAfter.planAcknowledgement(patientId)),
  });
  const isCurrentAcknowledged = acknowledged?.version === plan.version;
  const view = { acknowledged };

  return (
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
      {/* The patient reads their care team's words for them, never the clinical changeSummary. */}
      <ChangeSummary
        summary={plan.patientSummary}
        className="mt-2 text-slate-800"
        labelClassName="font-medium"
      />
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
          <Button onClick={() => acknowledge.mutate(plan.version)} disabled={acknowledge.isPending}>
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
  );
}
