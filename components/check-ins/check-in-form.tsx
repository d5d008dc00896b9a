'use client';

import { useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useSyncExternalStore } from 'react';
import { useFieldArray, useForm, type Path } from 'react-hook-form';
import { ScaleGroup, type ScaleOption } from '@/components/check-ins/scale-group';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { formatDate } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import {
  CHECK_IN_NOTE_MAX,
  CheckInInput,
  SEVERITIES,
  type CheckIn,
  type CheckInResult,
  type Severity,
} from '@/lib/schemas/check-ins';

export type CheckInMeasureOption = {
  goalKey: string;
  name: string | null;
  unit: string | null;
  description: string;
};

type FormValues = {
  mood: string;
  sleepHours: string;
  sleepQuality: string;
  appetite: string;
  energy: string;
  focus: string;
  sideEffects: { name: string; severity: Severity }[];
  measures: { goalKey: string; value: string }[];
  note: string;
};

const MOOD: ScaleOption[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label: String(value),
  hint: value === 0 ? 'Worst' : value === 10 ? 'Best' : undefined,
}));

function fivePoint(low: string, high: string): ScaleOption[] {
  return [1, 2, 3, 4, 5].map((value) => ({
    value,
    label: String(value),
    hint: value === 1 ? low : value === 5 ? high : undefined,
  }));
}

const SEVERITY_OPTIONS: ScaleOption[] = SEVERITIES.map((s) => ({
  value: s,
  label: s === 'MILD' ? 'Mild' : s === 'MODERATE' ? 'Moderate' : 'Severe',
}));

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

function initialValues(existing: CheckIn | null, measures: CheckInMeasureOption[]): FormValues {
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    mood: text(existing?.mood),
    sleepHours: text(existing?.sleepHours),
    sleepQuality: text(existing?.sleepQuality),
    appetite: text(existing?.appetite),
    energy: text(existing?.energy),
    focus: text(existing?.focus),
    sideEffects: existing?.sideEffects.map((s) => ({ name: s.name, severity: s.severity })) ?? [],
    measures: measures.map((m) => ({
      goalKey: m.goalKey,
      value: text(existing?.measures.find((v) => v.goalKey === m.goalKey)?.value),
    })),
    note: existing?.note ?? '',
  };
}

const noSubscription = () => () => {};

/**
 * Today's check-in, phone-first: only mood is required; everything else is one tap (or arrow
 * key) away. The day is the patient's own calendar day, known only in the browser, so the form
 * appears once the browser has said which day it is and whether today's check-in exists.
 */
export function CheckInForm(props: {
  patientId: string;
  watchFor: string[];
  measures: CheckInMeasureOption[];
  recent: CheckIn[];
}) {
  const today = useSyncExternalStore(
    noSubscription,
    () => format(new Date(), 'yyyy-MM-dd'),
    () => null,
  );
  if (!today) {
    return <div className="h-96 animate-pulse rounded-xl bg-slate-100" aria-hidden="true" />;
  }
  const existing = props.recent.find((c) => c.localDate === today) ?? null;
  return <CheckInFields {...props} today={today} existing={existing} />;
}

function CheckInFields({
  patientId,
  watchFor,
  measures,
  today,
  existing,
}: {
  patientId: string;
  watchFor: string[];
  measures: CheckInMeasureOption[];
  today: string;
  existing: CheckIn | null;
}) {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const savedRef = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<string[]>([]);
  const [saved, setSaved] = useState<'created' | 'updated' | null>(null);
  const [isUpdate, setIsUpdate] = useState(existing !== null);
  const [newEffect, setNewEffect] = useState('');
  const [newEffectError, setNewEffectError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    control,
    formState: { errors },
  } = useForm<FormValues>({ defaultValues: initialValues(existing, measures) });
  const sideEffects = useFieldArray({ control, name: 'sideEffects' });

  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.checkIns(patientId),
    mutationFn: (input: CheckInInput, idempotencyKey) =>
      apiFetch<CheckInResult>(`/api/v1/patients/${encodeURIComponent(patientId)}/check-ins`, {
        method: 'POST',
        body: input,
        idempotencyKey,
      }),
    onSuccess: async (result) => {
      setSaved(result.updated ? 'updated' : 'created');
      setIsUpdate(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.checkIns(patientId) });
      router.refresh();
      requestAnimationFrame(() => savedRef.current?.focus());
    },
    onError: (error) =>
      setSummary(
        applyProblem(error, setError, [
          'mood',
          'sleepHours',
          'sleepQuality',
          'appetite',
          'energy',
          'focus',
          'note',
          'localDate' as Path<FormValues>,
        ]),
      ),
  });

  function submit(values: FormValues) {
    setSummary([]);
    setSaved(null);
    clearErrors();
    const kept = values.measures
      .map((m, index) => ({ ...m, index }))
      .filter((m) => m.value.trim() !== '');
    const candidate = {
      localDate: format(new Date(), 'yyyy-MM-dd'),
      mood: numberOrNull(values.mood) ?? undefined,
      sleepHours: numberOrNull(values.sleepHours),
      sleepQuality: numberOrNull(values.sleepQuality),
      appetite: numberOrNull(values.appetite),
      energy: numberOrNull(values.energy),
      focus: numberOrNull(values.focus),
      sideEffects: values.sideEffects,
      measures: kept.map((m) => ({ goalKey: m.goalKey, value: Number(m.value) })),
      note: values.note.trim() === '' ? null : values.note,
    };
    const parsed = CheckInInput.safeParse(candidate);
    if (!parsed.success) {
      let first = true;
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        if (path[0] === 'measures' && path[1] !== undefined) {
          path[1] = String(kept[Number(path[1])]?.index ?? path[1]);
          path[2] = 'value';
        }
        const name = path.join('.') as Path<FormValues>;
        const message =
          name === 'mood' && candidate.mood === undefined
            ? 'Choose a number from 0 to 10 for your mood.'
            : issue.message;
        setError(name, { type: 'schema', message }, { shouldFocus: first });
        first = false;
      }
      return;
    }
    mutation.mutate(candidate as CheckInInput);
  }

  function addEffect() {
    const name = newEffect.trim();
    if (!name) {
      setNewEffectError('Type the side effect first.');
      return;
    }
    if (name.length > 80) {
      setNewEffectError('Use 80 characters or fewer.');
      return;
    }
    if (sideEffects.fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
      setNewEffectError('It is already on your list.');
      return;
    }
    sideEffects.append({ name, severity: 'MILD' });
    setNewEffect('');
    setNewEffectError(undefined);
  }

  const indexOf = (name: string) =>
    sideEffects.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  const watched = new Set(watchFor.map((t) => t.toLowerCase()));
  const added = sideEffects.fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => !watched.has(field.name.toLowerCase()));

  const severityGroup = (index: number, name: string) => (
    <ScaleGroup
      id={`${id}-effect-${index}`}
      legend={`How bad is it? (${name})`}
      options={SEVERITY_OPTIONS}
      columns="grid-cols-3"
      register={register(`sideEffects.${index}.severity` as const)}
      error={errors.sideEffects?.[index]?.severity?.message}
    />
  );

  return (
    <form
      noValidate
      onSubmit={handleSubmit(submit)}
      aria-busy={mutation.isPending}
      className="space-y-8"
    >
      <p className="text-sm text-slate-700">
        {isUpdate
          ? 'You already checked in today. Change anything below and save to update it.'
          : 'Only your mood is needed. Add the rest if you can; it takes under a minute.'}
      </p>
      <FormAlert messages={summary} />

      <ScaleGroup
        id={`${id}-mood`}
        legend="How is your mood today?"
        hint="0 is the worst you can feel, 10 the best."
        options={MOOD}
        columns="grid-cols-6 sm:grid-cols-11"
        register={register('mood')}
        error={errors.mood?.message}
      />

      <div className="space-y-6 rounded-lg border border-slate-200 p-4">
        <h2 className="text-lg font-semibold text-slate-900">Sleep</h2>
        <Field
          id={`${id}-sleep-hours`}
          label="Hours of sleep last night"
          hint="For example 7 or 6.5"
          optional
          error={errors.sleepHours?.message}
        >
          {(controlProps) => (
            <input
              {...controlProps}
              type="number"
              inputMode="decimal"
              min={0}
              max={24}
              step={0.5}
              className={`${inputClass} max-w-32`}
              {...register('sleepHours')}
            />
          )}
        </Field>
        <ScaleGroup
          id={`${id}-sleep-quality`}
          legend="How well did you sleep?"
          options={fivePoint('Very badly', 'Very well')}
          register={register('sleepQuality')}
          error={errors.sleepQuality?.message}
          optional
        />
      </div>

      <div className="space-y-6 rounded-lg border border-slate-200 p-4">
        <h2 className="text-lg font-semibold text-slate-900">Your day</h2>
        <ScaleGroup
          id={`${id}-energy`}
          legend="Energy"
          options={fivePoint('Very low', 'Very high')}
          register={register('energy')}
          error={errors.energy?.message}
          optional
        />
        <ScaleGroup
          id={`${id}-focus`}
          legend="Focus"
          options={fivePoint('Very poor', 'Very good')}
          register={register('focus')}
          error={errors.focus?.message}
          optional
        />
        <ScaleGroup
          id={`${id}-appetite`}
          legend="Appetite"
          options={fivePoint('Very poor', 'Very good')}
          register={register('appetite')}
          error={errors.appetite?.message}
          optional
        />
      </div>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Side effects</legend>
        <p className="text-sm text-slate-600">
          {watchFor.length > 0
            ? 'Tick any you noticed today. These are the ones your prescriber asked you to watch for.'
            : 'Add anything you noticed today that might be from your medication.'}
        </p>
        {watchFor.length > 0 ? (
          <ul className="space-y-3">
            {watchFor.map((term) => {
              const index = indexOf(term);
              return (
                <li key={term} className="space-y-3">
                  <label className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-900">
                    <input
                      type="checkbox"
                      className="size-5 accent-teal-700"
                      checked={index >= 0}
                      onChange={(event) => {
                        if (event.target.checked)
                          sideEffects.append({ name: term, severity: 'MILD' });
                        else if (index >= 0) sideEffects.remove(index);
                      }}
                    />
                    {term}
                  </label>
                  {index >= 0 ? <div className="pl-8">{severityGroup(index, term)}</div> : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {added.length > 0 ? (
          <ul className="space-y-4">
            {added.map(({ field, index }) => (
              <li key={field.id} className="space-y-2 rounded-md bg-slate-50 p-3">
                <div className="flex items-center justify-between gap-2">
                  <p className="font-medium text-slate-900">{field.name}</p>
                  <Button variant="quiet" onClick={() => sideEffects.remove(index)}>
                    Remove<span className="sr-only"> {field.name}</span>
                  </Button>
                </div>
                {severityGroup(index, field.name)}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1">
            <Field id={`${id}-new-effect`} label="Something else?" optional error={newEffectError}>
              {(controlProps) => (
                <input
                  {...controlProps}
                  type="text"
                  maxLength={80}
                  value={newEffect}
                  onChange={(event) => setNewEffect(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      addEffect();
                    }
                  }}
                  className={inputClass}
                />
              )}
            </Field>
          </div>
          <Button variant="secondary" onClick={addEffect} className="min-h-11">
            Add side effect
          </Button>
        </div>
      </fieldset>

      {measures.length > 0 ? (
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-lg font-semibold text-slate-900">
            Your plan’s measures
          </legend>
          {measures.map((measure, index) => (
            <Field
              key={measure.goalKey}
              id={`${id}-measure-${index}`}
              label={`${measure.name ?? 'Measure'}${measure.unit ? ` (${measure.unit})` : ''}`}
              hint={measure.description}
              optional
              error={errors.measures?.[index]?.value?.message}
            >
              {(controlProps) => (
                <input
                  {...controlProps}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  className={`${inputClass} max-w-32`}
                  {...register(`measures.${index}.value` as const)}
                />
              )}
            </Field>
          ))}
        </fieldset>
      ) : null}

      <Field
        id={`${id}-note`}
        label="Anything else you want your care team to know?"
        optional
        error={errors.note?.message}
      >
        {(controlProps) => (
          <textarea
            {...controlProps}
            rows={3}
            maxLength={CHECK_IN_NOTE_MAX}
            className={inputClass}
            {...register('note')}
          />
        )}
      </Field>

      <div
        ref={savedRef}
        tabIndex={-1}
        role="status"
        className="rounded-md focus:outline-2 focus:outline-offset-2 focus:outline-teal-700 empty:hidden"
      >
        {saved ? (
          <div className="rounded-md border border-teal-300 bg-teal-50 px-4 py-3 text-teal-950">
            <p className="font-medium">
              {saved === 'updated'
                ? 'Thanks. Today’s check-in is updated.'
                : 'Thanks. Your check-in for today is saved.'}
            </p>
            <p className="mt-1 text-sm">
              <Link href="/my-care/trends" className="font-medium underline">
                See your trends
              </Link>{' '}
              or{' '}
              <Link href="/my-care" className="font-medium underline">
                go back to My care
              </Link>
              .
            </p>
          </div>
        ) : null}
      </div>

      <Button
        type="submit"
        disabled={mutation.isPending}
        className="min-h-12 w-full text-base sm:w-auto"
      >
        {mutation.isPending ? 'Saving…' : isUpdate ? 'Update today’s check-in' : 'Save check-in'}
      </Button>
      <p className="text-xs text-slate-600">Checking in for {formatDate(today, 'long')}.</p>
    </form>
  );
}
