'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { get, useFormState, useWatch } from 'react-hook-form';
import { CrisisResources } from '@/components/assessments/crisis-resources';
import { severityMeaning } from '@/components/assessments/severity-text';
import { AfterSavingLinks } from '@/components/my-care/after-saving-links';
import { SchemaForm, SubmitButton, useBoundForm } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { FieldError } from '@/components/ui/field';
import { useCreate } from '@/lib/use-create-mutation';
import type { InstrumentText } from '@/lib/clinical/assessment-items';
import { PHQ9_HIGH_TOTAL, PHQ9_SAFETY_ITEM_INDEX } from '@/lib/clinical/scoring';
import { queryKeys } from '@/lib/query-keys';
import type { AssessmentInput, Assessment } from '@/lib/schemas/assessments';

type FormValues = { answers: string[] };

const toInput = (instrument: InstrumentText['instrument']) => (values: FormValues) => ({
  instrument,
  answers: values.answers.map((a) => (a === '' ? Number.NaN : Number(a))),
});

/**
 * A PHQ-9 or GAD-7 in its standard wording, one radio group per item. The result comes back at
 * once; a PHQ-9 item 9 answer above 0 shows crisis resources as soon as it is chosen, and again,
 * first, on the result.
 */
export function AssessmentForm({ patientId, text }: { patientId: string; text: InstrumentText }) {
  const router = useRouter();
  const [result, setResult] = useState<Assessment | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/assessments').then((m) => m.AssessmentInput),
    {
      defaultValues: { answers: text.items.map(() => '') },
      toInput: useMemo(() => toInput(text.instrument), [text.instrument]),
      error: () => 'Choose one of the four answers.',
      whenInvalid: 'Please answer every question.',
    },
  );

  const mutation = useCreate<{ assessment: Assessment }, AssessmentInput>(
    `/api/v1/patients/${encodeURIComponent(patientId)}/assessments`,
    {
      mutationKey: queryKeys.patients.assessments(patientId),
      onSuccess: ({ assessment }) => {
        setResult(assessment);
        // The pages that show scores render on the server.
        router.refresh();
      },
      onError: form.showProblem,
    },
  );

  if (result) return <AssessmentResult result={result} text={text} />;

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      className="space-y-6"
      intro={<p className="text-base font-medium text-slate-900">{text.stem}</p>}
      onSubmit={mutation.mutate}
    >
      <ol className="space-y-5">
        {text.items.map((item, index) => (
          <li key={item}>
            <AssessmentItem text={text} item={item} index={index} />
          </li>
        ))}
      </ol>
      <SubmitButton pendingLabel="Saving…" className="min-h-12 w-full text-base sm:w-auto">
        {`Submit my ${text.name}`}
      </SubmitButton>
    </SchemaForm>
  );
}

/** One item as a radio group; PHQ-9 item 9 above 0 shows crisis resources at once. */
function AssessmentItem({
  text,
  item,
  index,
}: {
  text: InstrumentText;
  item: string;
  index: number;
}) {
  const form = useBoundForm();
  const name = `answers.${index}`;
  const answer = useWatch({ control: form.control, name });
  const { errors } = useFormState({ control: form.control, name });
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  const errorId = `${form.id}-item-${index}-error`;
  const isSafetyItem = text.instrument === 'PHQ9' && index === PHQ9_SAFETY_ITEM_INDEX;
  return (
    <>
      <fieldset
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        className="space-y-2 rounded-lg border border-slate-200 p-4"
      >
        <legend className="px-1 text-base font-medium text-slate-900">
          {index + 1}. {item}
        </legend>
        <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-4">
          {text.options.map((option) => (
            <label
              key={option.value}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 has-checked:border-teal-700 has-checked:bg-teal-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700 sm:justify-center sm:text-center"
            >
              <input
                type="radio"
                value={option.value}
                className="sr-only"
                {...form.register(name)}
              />
              {option.label}
            </label>
          ))}
        </div>
        {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      </fieldset>
      {isSafetyItem && Number(answer || 0) > 0 ? (
        <div className="mt-3">
          <CrisisResources headingId={`${form.id}-crisis-now`} />
        </div>
      ) : null}
    </>
  );
}

/** Whether this questionnaire raised a safety flag for the care team (item 9, or a high total). */
function toldTheTeam(result: Assessment): boolean {
  return result.safetyFlag || (result.instrument === 'PHQ9' && result.score >= PHQ9_HIGH_TOTAL);
}

/** The score and its meaning, with crisis resources first after a PHQ-9 item 9 above 0. */
function AssessmentResult({ result, text }: { result: Assessment; text: InstrumentText }) {
  const id = useId();
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => resultRef.current?.focus(), []);
  return (
    <div className="space-y-6">
      {result.safetyFlag ? (
        <CrisisResources headingId={`${id}-crisis-result`} ref={resultRef} />
      ) : null}
      <section
        ref={result.safetyFlag ? undefined : resultRef}
        tabIndex={-1}
        aria-labelledby={`${id}-result`}
        className="rounded-lg border border-teal-300 bg-teal-50 p-4 text-teal-950 focus:outline-2 focus:outline-offset-2 focus:outline-teal-700 sm:p-5"
      >
        <h2 id={`${id}-result`} className="text-lg font-semibold">
          Thank you. Your {text.name} is saved.
        </h2>
        <p className="mt-2 text-base">
          Your score is <strong className="tabular-nums">{result.score}</strong> ({result.severity}
          ). {severityMeaning(text.instrument, result.severity)}
        </p>
        {toldTheTeam(result) ? (
          <p className="mt-2 text-base font-medium">
            We have let your care team know about your answers. They will see it as soon as they
            can, but maybe not right away.
          </p>
        ) : null}
        <p className="mt-2 text-sm">
          Your care team will look at it with you. A score is one piece of the picture, not a
          judgement.
        </p>
        <AfterSavingLinks trends="See how your scores have changed" className="mt-3 text-sm" />
      </section>
    </div>
  );
}
