'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import {
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type Path,
  type Resolver,
  type UseFormRegister,
} from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import {
  directionLabels,
  goalStatusLabels,
  interventionLabels,
  measureKindLabels,
} from '@/components/treatment-plan/labels';
import { PlanDiffView } from '@/components/treatment-plan/plan-diff-view';
import {
  draftToForm,
  emptyGoal,
  emptyIntervention,
  emptyPlan,
  formToDraft,
  putPlan,
  toInput,
  versionToDraft,
  type PlanForm,
} from '@/components/treatment-plan/plan-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ApiProblem, apiFetch } from '@/lib/api-client';
import { rebasePlan } from '@/lib/clinical/plan-diff';
import { roleLabel } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import {
  GOAL_STATUSES,
  INTERVENTION_KINDS,
  MAX_GOALS,
  MAX_INTERVENTIONS,
  MEASURE_DIRECTIONS,
  MEASURE_KINDS,
  TreatmentPlanInput,
  type PlanDiff,
  type PlanVersion,
  type TreatmentPlanContent,
  type TreatmentPlanView,
} from '@/lib/schemas/treatment-plan';

type Person = TreatmentPlanView['careTeam'][number];

// The API's own schema checks the form, applied to the body the form would send.
type PlanResolver = Resolver<PlanForm, unknown, TreatmentPlanContent>;
const schemaResolver = zodResolver(TreatmentPlanInput);
const resolver: PlanResolver = (values, context, options) =>
  schemaResolver(
    toInput(values) as Parameters<typeof schemaResolver>[0],
    context,
    options as never,
  ) as ReturnType<PlanResolver>;

const textareaClass = `${inputClass} min-h-24`;

function fieldPaths(values: PlanForm): string[] {
  return [
    'presentingConcerns',
    'patientGoalsOwnWords',
    'reviewBy',
    'assessmentIntervalDays',
    'changeSummary',
    ...values.goals.flatMap((_, i) =>
      [
        'goalKey',
        'description',
        'status',
        'measureKind',
        'measureName',
        'measureUnit',
        'direction',
        'targetValue',
        'targetDate',
      ].map((f) => `goals.${i}.${f}`),
    ),
    ...values.interventions.flatMap((_, i) =>
      ['kind', 'description', 'ownerId', 'frequency'].map((f) => `interventions.${i}.${f}`),
    ),
  ];
}

type Conflict = { current: PlanVersion; diff: PlanDiff | null };

/**
 * Clinicians on the team: writes the next version of the plan. Saves with If-Match on the version
 * the editor started from; when someone else saved first (412) it shows what they changed and
 * offers to reapply this editor's changes on top of their version (lib/clinical/plan-diff.ts).
 */
export function PlanEditor({
  patientId,
  base: initialBase,
  careTeam,
  onSaved,
  onCancel,
}: {
  patientId: string;
  base: PlanVersion | null;
  careTeam: Person[];
  onSaved: (saved: PlanVersion) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [base, setBase] = useState(initialBase);
  const [summary, setSummary] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    reset,
    formState: { errors },
  } = useForm<PlanForm, unknown, TreatmentPlanContent>({
    resolver,
    defaultValues: initialBase ? draftToForm(versionToDraft(initialBase)) : emptyPlan,
  });
  const goals = useFieldArray({ control, name: 'goals' });
  const interventions = useFieldArray({ control, name: 'interventions' });

  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.treatmentPlan.current(patientId) });

  async function showConflict() {
    const view = await apiFetch<TreatmentPlanView>(`/api/v1/patients/${patientId}/treatment-plan`);
    if (!view.plan) return;
    const diff = base
      ? await apiFetch<PlanDiff>(
          `/api/v1/patients/${patientId}/treatment-plan/diff?from=${base.version}&to=${view.plan.version}`,
        )
      : null;
    setConflict({ current: view.plan, diff });
    await invalidate();
  }

  const mutation = useMutation({
    mutationKey: queryKeys.treatmentPlan.save(patientId),
    mutationFn: (input: TreatmentPlanContent) => putPlan(patientId, base?.version ?? 0, input),
    onSuccess: async (saved) => {
      await invalidate();
      await queryClient.invalidateQueries({
        queryKey: queryKeys.treatmentPlan.versions(patientId),
      });
      onSaved(saved);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        try {
          await showConflict();
          return;
        } catch (failure) {
          setSummary(applyProblem(failure, setError, []));
          return;
        }
      }
      setSummary(applyProblem(error, setError, fieldPaths(getValues()) as Path<PlanForm>[]));
    },
  });

  function reapply() {
    if (!conflict) return;
    const mine = getValues();
    const merged = rebasePlan(
      base ? versionToDraft(base) : formToDraft(emptyPlan),
      formToDraft(mine),
      versionToDraft(conflict.current),
    );
    reset({ ...draftToForm(merged), changeSummary: mine.changeSummary });
    setBase(conflict.current);
    setConflict(null);
    setSummary([]);
    setNotice(
      `Your changes are now on top of version ${conflict.current.version}. Check them, then save again.`,
    );
  }

  function discard() {
    if (!conflict) return;
    reset(draftToForm(versionToDraft(conflict.current)));
    setBase(conflict.current);
    setConflict(null);
    setSummary([]);
    setNotice(
      `Your changes were discarded. You are now editing version ${conflict.current.version}.`,
    );
  }

  const goalCount = goals.fields.length;
  const interventionCount = interventions.fields.length;

  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      aria-labelledby={`${id}-title`}
      onSubmit={handleSubmit((input) => {
        setSummary([]);
        setNotice(null);
        mutation.mutate(input);
      })}
      className="space-y-8"
    >
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {base ? `Edit the plan (from version ${base.version})` : 'Write the first plan'}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Saving creates a new version; every earlier version is kept.
        </p>
      </div>

      {conflict ? (
        <section
          aria-labelledby={`${id}-conflict`}
          className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h3
            id={`${id}-conflict`}
            ref={conflictHeading}
            tabIndex={-1}
            className="font-semibold text-amber-950"
          >
            {conflict.current.author.name} saved version {conflict.current.version} while you were
            editing
          </h3>
          <p className="text-sm text-amber-950">
            Your changes are not saved yet.{' '}
            {base
              ? `Here is what changed between version ${base.version}, where you started, and version ${conflict.current.version}:`
              : 'They wrote the first version of the plan.'}
          </p>
          {conflict.diff ? (
            <div className="rounded-md bg-white p-3">
              <PlanDiffView diff={conflict.diff} />
            </div>
          ) : null}
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button onClick={reapply}>
              Reapply my changes to version {conflict.current.version}
            </Button>
            <Button variant="secondary" onClick={discard}>
              Discard my changes
            </Button>
          </div>
        </section>
      ) : null}

      <div role="status" aria-live="polite">
        {notice ? (
          <p className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900">
            {notice}
          </p>
        ) : null}
      </div>
      <FormAlert id={`${id}-alert`} messages={summary} />

      <Field
        id={`${id}-concerns`}
        label="Presenting concerns"
        error={errors.presentingConcerns?.message}
      >
        {(control) => (
          <textarea {...control} className={textareaClass} {...register('presentingConcerns')} />
        )}
      </Field>
      <Field
        id={`${id}-own-words`}
        label="Goals in the patient’s own words"
        hint="As the patient said them."
        optional
        error={errors.patientGoalsOwnWords?.message}
      >
        {(control) => (
          <textarea {...control} className={textareaClass} {...register('patientGoalsOwnWords')} />
        )}
      </Field>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Goals</legend>
        {goalCount === 0 ? <p className="text-sm text-slate-600">No goals yet.</p> : null}
        <ol className="space-y-4">
          {goals.fields.map((field, index) => (
            <li key={field.id}>
              <GoalFields
                idPrefix={`${id}-goal-${index}`}
                index={index}
                count={goalCount}
                control={control}
                register={register}
                errors={errors}
                onMove={(to) => goals.move(index, to)}
                onRemove={() => goals.remove(index)}
              />
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          onClick={() => goals.append({ ...emptyGoal })}
          disabled={goalCount >= MAX_GOALS}
        >
          Add a goal
        </Button>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Interventions</legend>
        {interventionCount === 0 ? (
          <p className="text-sm text-slate-600">No interventions yet.</p>
        ) : null}
        <ol className="space-y-4">
          {interventions.fields.map((field, index) => (
            <li key={field.id}>
              <InterventionFields
                idPrefix={`${id}-intervention-${index}`}
                index={index}
                count={interventionCount}
                register={register}
                errors={errors}
                careTeam={careTeam}
                onMove={(to) => interventions.move(index, to)}
                onRemove={() => interventions.remove(index)}
              />
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          onClick={() => interventions.append({ ...emptyIntervention })}
          disabled={interventionCount >= MAX_INTERVENTIONS}
        >
          Add an intervention
        </Button>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-review-by`} label="Review by" optional error={errors.reviewBy?.message}>
          {(control) => (
            <input type="date" {...control} className={inputClass} {...register('reviewBy')} />
          )}
        </Field>
        <Field
          id={`${id}-interval`}
          label="PHQ-9 and GAD-7 every (days)"
          hint="From 7 to 90 days."
          error={errors.assessmentIntervalDays?.message}
        >
          {(control) => (
            <input
              type="number"
              inputMode="numeric"
              min={7}
              max={90}
              {...control}
              className={inputClass}
              {...register('assessmentIntervalDays')}
            />
          )}
        </Field>
      </div>

      <Field
        id={`${id}-summary`}
        label="What changed and why"
        hint="Left empty, a summary is written from the changes."
        optional
        error={errors.changeSummary?.message}
      >
        {(control) => (
          <textarea {...control} className={textareaClass} {...register('changeSummary')} />
        )}
      </Field>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending || conflict !== null}>
          {mutation.isPending ? 'Saving…' : 'Save new version'}
        </Button>
      </div>
    </form>
  );
}

function MoveButtons({
  noun,
  index,
  count,
  onMove,
  onRemove,
}: {
  noun: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        className="px-3 py-1"
        aria-label={`Move ${noun} ${index + 1} up`}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        Up
      </Button>
      <Button
        variant="secondary"
        className="px-3 py-1"
        aria-label={`Move ${noun} ${index + 1} down`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        Down
      </Button>
      <Button
        variant="secondary"
        className="px-3 py-1"
        aria-label={`Remove ${noun} ${index + 1}`}
        onClick={onRemove}
      >
        Remove
      </Button>
    </div>
  );
}

function GoalFields({
  idPrefix,
  index,
  count,
  control,
  register,
  errors,
  onMove,
  onRemove,
}: {
  idPrefix: string;
  index: number;
  count: number;
  control: Control<PlanForm, unknown, TreatmentPlanContent>;
  register: UseFormRegister<PlanForm>;
  errors: FieldErrors<PlanForm>;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const kind = useWatch({ control, name: `goals.${index}.measureKind` });
  const e = errors.goals?.[index];
  const scored = kind === 'PHQ9' || kind === 'GAD7';
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <legend className="sr-only">Goal {index + 1}</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p aria-hidden="true" className="font-medium text-slate-900">
          Goal {index + 1}
        </p>
        <MoveButtons noun="goal" index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      {e?.goalKey?.message ? (
        <p className="text-sm font-medium text-red-800">{e.goalKey.message}</p>
      ) : null}
      <div>
        <Field id={`${idPrefix}-description`} label="Goal" error={e?.description?.message}>
          {(c) => (
            <input {...c} className={inputClass} {...register(`goals.${index}.description`)} />
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${idPrefix}-status`} label="Status" error={e?.status?.message}>
          {(c) => (
            <select {...c} className={inputClass} {...register(`goals.${index}.status`)}>
              {GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {goalStatusLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-kind`} label="Measure" error={e?.measureKind?.message}>
          {(c) => (
            <select {...c} className={inputClass} {...register(`goals.${index}.measureKind`)}>
              {MEASURE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {measureKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-date`} label="Target date" optional error={e?.targetDate?.message}>
          {(c) => (
            <input
              type="date"
              {...c}
              className={inputClass}
              {...register(`goals.${index}.targetDate`)}
            />
          )}
        </Field>
      </div>
      {kind === 'PERSONAL' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={`${idPrefix}-name`}
            label="Measure name"
            hint="The patient sees it in their check-in, e.g. “Panic attacks”."
            error={e?.measureName?.message}
          >
            {(c) => (
              <input {...c} className={inputClass} {...register(`goals.${index}.measureName`)} />
            )}
          </Field>
          <Field
            id={`${idPrefix}-unit`}
            label="Unit"
            hint="“per week” sums the daily values of 7 days; “minutes”, “count” are daily."
            error={e?.measureUnit?.message}
          >
            {(c) => (
              <input {...c} className={inputClass} {...register(`goals.${index}.measureUnit`)} />
            )}
          </Field>
        </div>
      ) : null}
      {kind !== 'NONE' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${idPrefix}-direction`} label="Direction" error={e?.direction?.message}>
            {(c) => (
              <select {...c} className={inputClass} {...register(`goals.${index}.direction`)}>
                {scored ? null : <option value="">Choose…</option>}
                {MEASURE_DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {directionLabels[d]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={`${idPrefix}-target`}
            label="Target"
            hint={
              kind === 'PHQ9'
                ? 'A score from 0 to 27.'
                : kind === 'GAD7'
                  ? 'A score from 0 to 21.'
                  : undefined
            }
            error={e?.targetValue?.message}
          >
            {(c) => (
              <input
                type="text"
                inputMode="decimal"
                {...c}
                className={inputClass}
                {...register(`goals.${index}.targetValue`)}
              />
            )}
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}

function InterventionFields({
  idPrefix,
  index,
  count,
  register,
  errors,
  careTeam,
  onMove,
  onRemove,
}: {
  idPrefix: string;
  index: number;
  count: number;
  register: UseFormRegister<PlanForm>;
  errors: FieldErrors<PlanForm>;
  careTeam: Person[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const e = errors.interventions?.[index];
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <legend className="sr-only">Intervention {index + 1}</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p aria-hidden="true" className="font-medium text-slate-900">
          Intervention {index + 1}
        </p>
        <MoveButtons
          noun="intervention"
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${idPrefix}-kind`} label="Kind" error={e?.kind?.message}>
          {(c) => (
            <select {...c} className={inputClass} {...register(`interventions.${index}.kind`)}>
              {INTERVENTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {interventionLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-owner`} label="Owner" error={e?.ownerId?.message}>
          {(c) => (
            <select {...c} className={inputClass} {...register(`interventions.${index}.ownerId`)}>
              <option value="">Choose a clinician…</option>
              {careTeam.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({roleLabel(person.role).toLowerCase()})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${idPrefix}-description`} label="Description" error={e?.description?.message}>
        {(c) => (
          <input
            {...c}
            className={inputClass}
            {...register(`interventions.${index}.description`)}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-frequency`}
        label="Frequency"
        hint="e.g. “Weekly, 50 minutes”."
        error={e?.frequency?.message}
      >
        {(c) => (
          <input {...c} className={inputClass} {...register(`interventions.${index}.frequency`)} />
        )}
      </Field>
    </fieldset>
  );
}
