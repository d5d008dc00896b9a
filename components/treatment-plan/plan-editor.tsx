'use client';

import { SuccessNotice } from '@/components/forms/success-notice';
import type { ReactNode } from 'react';
import { DateField, TextAreaField, TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { GoalList, InterventionList } from '@/components/treatment-plan/plan-editor-fields';
import {
  draftToForm,
  emptyPlan,
  READERS,
  toInput,
  versionToDraft,
} from '@/components/treatment-plan/plan-form';
import { Button } from '@/components/ui/button';
import type { PlanVersion, TreatmentPlanView } from '@/lib/schemas/treatment-plan';
import { PlanConflict } from './plan-conflict';
import { usePlanSave } from './use-plan-save';

const textarea = 'min-h-24';

/**
 * Clinicians on the team: writes the next version of the plan. Saves with If-Match on the version
 * the editor started from; a conflict with someone else's save is settled in ./use-plan-save.ts.
 */
export function PlanEditor({
  patientId,
  base: initialBase,
  careTeam,
  medications = [],
  onSaved,
  onCancel,
}: {
  patientId: string;
  base: PlanVersion | null;
  careTeam: TreatmentPlanView['careTeam'];
  medications?: TreatmentPlanView['medications'];
  onSaved: (saved: PlanVersion) => void;
  onCancel: () => void;
}) {
  const form = useSchemaForm(
    () => import('@/lib/schemas/treatment-plan').then((m) => m.TreatmentPlanInput),
    {
      defaultValues: initialBase ? draftToForm(versionToDraft(initialBase)) : emptyPlan,
      toInput,
    },
  );
  const { base, notice, conflict, mutation, save, reapply, discard } = usePlanSave({
    patientId,
    initialBase,
    form,
    onSaved,
  });
  const titleId = `${form.id}-title`;

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      aria-labelledby={titleId}
      className="space-y-8"
      onSubmit={save}
      intro={
        <EditorHeading
          titleId={titleId}
          base={base}
          notice={notice}
          conflict={
            conflict ? (
              <PlanConflict
                conflict={conflict}
                base={base}
                onReapply={reapply}
                onDiscard={discard}
              />
            ) : null
          }
        />
      }
    >
      <ConcernsAndOwnWords />
      <GoalList />
      <InterventionList careTeam={careTeam} medications={medications} />
      <ReviewSchedule />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Saving…" disabled={conflict !== null}>
          Save new version
        </SubmitButton>
      </div>
    </SchemaForm>
  );
}

function ConcernsAndOwnWords() {
  return (
    <>
      <TextAreaField
        name="presentingConcerns"
        label="Presenting concerns"
        hint="Not on your patient’s plan page; it is in the record they can download."
        className={textarea}
      />
      <TextAreaField
        name="patientGoalsOwnWords"
        label="Goals in the patient’s own words"
        hint={`${READERS.patient} As the patient said them.`}
        optional
        className={textarea}
      />
    </>
  );
}

function EditorHeading({
  titleId,
  base,
  notice,
  conflict,
}: {
  titleId: string;
  base: PlanVersion | null;
  notice: string | null;
  conflict: ReactNode;
}) {
  return (
    <>
      <div>
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {base ? `Edit the plan (from version ${base.version})` : 'Write the first plan'}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Saving creates a new version; every earlier version is kept.
        </p>
      </div>
      {conflict}
      <SuccessNotice>{notice}</SuccessNotice>
    </>
  );
}

/** When the plan is reviewed, how often the questionnaires come, and what this version changed. */
function ReviewSchedule() {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField name="reviewBy" label="Review by" hint={READERS.patient} optional />
        <TextField
          name="assessmentIntervalDays"
          label="PHQ-9 and GAD-7 every (days)"
          hint={`${READERS.patient} From 7 to 90 days.`}
          type="number"
          inputMode="numeric"
          min={7}
          max={90}
        />
      </div>
      <TextAreaField
        name="changeSummary"
        label="What changed and why"
        hint={`${READERS.careTeam} Left empty, a summary is written from the changes.`}
        optional
        className={textarea}
      />
      <TextAreaField
        name="patientSummary"
        label="What changed, in words for the patient"
        hint={`${READERS.patient} Left empty, they read only that the plan was updated, and when.`}
        optional
        className={textarea}
      />
    </>
  );
}
