'use client';

import { SuccessNotice } from '@/components/forms/success-notice';
import dynamic from 'next/dynamic';
import { useRef, useState, type Ref } from 'react';
import { ChangeSummary } from '@/components/treatment-plan/change-summary';
import { PlanCommentsCard } from '@/components/treatment-plan/plan-comments';
import { PlanHistory } from '@/components/treatment-plan/plan-history';
import { PlanReadView } from '@/components/treatment-plan/plan-read-view';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { TreatmentPlanView } from '@/lib/schemas/treatment-plan';
import { ReviewRequestsCard } from './review-requests-card';
import { usePlanView, type PlanPageProps } from './use-plan-view';

// The editor (its form machinery and fields) loads when a clinician opens it, not with the page
// (issue 15's first-load budget); pointing at or focusing "Edit plan" starts the download early.
const loadEditor = () => import('@/components/treatment-plan/plan-editor');
const PlanEditor = dynamic(() => loadEditor().then((m) => m.PlanEditor), {
  loading: () => <p className="text-sm text-slate-600">Opening the editor…</p>,
});

/** The chart's Plan tab: the current version with progress, the editor, requests, comments, history. */
export function ClinicianPlan({ patientId, selfId, initialView, initialComments }: PlanPageProps) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const view = usePlanView(patientId, initialView);
  const closeEditor = (message: string | null) => {
    setEditing(false);
    if (message) setNotice(message);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (editing) {
    return (
      <Card title="Treatment plan" titleId="plan-heading">
        <PlanEditor
          patientId={patientId}
          base={view.plan}
          careTeam={view.careTeam}
          medications={view.medications}
          onSaved={(saved) => closeEditor(`Saved version ${saved.version}.`)}
          onCancel={() => closeEditor(null)}
        />
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <SuccessNotice>{notice}</SuccessNotice>
      <ReviewRequestsCard patientId={patientId} requests={view.openReviewRequests} />
      <CurrentPlanCard
        view={view}
        editButton={editButton}
        onEdit={() => {
          setNotice(null);
          setEditing(true);
        }}
      />
      {view.plan ? (
        <>
          <PlanCommentsCard
            reader="team"
            patientId={patientId}
            selfId={selfId}
            initial={initialComments}
          />
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

function CurrentPlanCard({
  view,
  editButton,
  onEdit,
}: {
  view: TreatmentPlanView;
  editButton: Ref<HTMLButtonElement>;
  onEdit: () => void;
}) {
  const { plan } = view;
  return (
    <Card
      title="Treatment plan"
      titleId="plan-heading"
      description={
        plan ? (
          <>
            Version {plan.version}, saved by {plan.author.name},{' '}
            <LocalDateTime iso={plan.createdAt} />.{' '}
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
          onClick={onEdit}
          onPointerEnter={() => void loadEditor()}
          onFocus={() => void loadEditor()}
        >
          {plan ? 'Edit plan' : 'Write the plan'}
        </button>
      }
    >
      {plan ? (
        <div className="space-y-4">
          <ChangeSummary
            summary={plan.changeSummary}
            className="text-sm text-slate-700"
            labelClassName="font-medium text-slate-900"
          />
          {plan.patientSummary ? (
            <p className="text-sm text-slate-700">
              <span className="font-medium text-slate-900">The patient reads: </span>
              {plan.patientSummary}
            </p>
          ) : null}
          <PlanReadView
            plan={plan}
            progress={view.progress}
            statuses={view.goalStatuses}
            medications={view.medications}
          />
        </div>
      ) : (
        <EmptyState title="No plan yet">
          <p>Write the first version with the patient: their goals, targets and who does what.</p>
        </EmptyState>
      )}
    </Card>
  );
}
