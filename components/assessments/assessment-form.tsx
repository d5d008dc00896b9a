'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { CrisisResources } from '@/components/assessments/crisis-resources';
import { severityMeaning } from '@/components/assessments/severity-text';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import type { InstrumentText } from '@/lib/clinical/assessment-items';
import { PHQ9_SAFETY_ITEM_INDEX } from '@/lib/clinical/scoring';
import { queryKeys } from '@/lib/query-keys';
import { AssessmentInput, type Assessment } from '@/lib/schemas/assessments';

type FormValues = { answers: string[] };

/**
 * A PHQ-9 or GAD-7 in its standard wording, one radio group per item. The result comes back at
 * once; a PHQ-9 item 9 answer above 0 shows crisis resources as soon as it is chosen, and again,
 * first, on the result.
 */
export function AssessmentForm({ patientId, text }: { patientId: string; text: InstrumentText }) {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const resultRef = useRef<HTMLElement>(null);
  const [summary, setSummary] = useState<string[]>([]);
  const [result, setResult] = useState<Assessment | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    control,
    formState: { errors },
  } = useForm<FormValues>({ defaultValues: { answers: text.items.map(() => '') } });
  const answers = useWatch({ control, name: 'answers' });
  const safetyAnswer =
    text.instrument === 'PHQ9' ? Number(answers[PHQ9_SAFETY_ITEM_INDEX] || 0) : 0;

  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.assessments(patientId),
    mutationFn: (input: AssessmentInput, idempotencyKey) =>
      apiFetch<{ assessment: Assessment }>(
        `/api/v1/patients/${encodeURIComponent(patientId)}/assessments`,
        { method: 'POST', body: input, idempotencyKey },
      ),
    onSuccess: async ({ assessment }) => {
      setResult(assessment);
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.assessments(patientId) });
      router.refresh();
    },
    onError: (error) =>
      setSummary(
        applyProblem(
          error,
          setError,
          text.items.map((_, i) => `answers.${i}` as Path<FormValues>),
        ),
      ),
  });

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function submit(values: FormValues) {
    setSummary([]);
    clearErrors();
    const candidate = {
      instrument: text.instrument,
      answers: values.answers.map((a) => (a === '' ? Number.NaN : Number(a))),
    };
    const parsed = AssessmentInput.safeParse(candidate);
    if (!parsed.success) {
      let first = true;
      for (const issue of parsed.error.issues) {
        const name = issue.path.map(String).join('.') as Path<FormValues>;
        setError(
          name,
          { type: 'schema', message: 'Choose one of the four answers.' },
          {
            shouldFocus: first,
          },
        );
        first = false;
      }
      setSummary(['Please answer every question.']);
      return;
    }
    mutation.mutate(parsed.data);
  }

  if (result) {
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
            Your score is <strong className="tabular-nums">{result.score}</strong> (
            {result.severity}
            ). {severityMeaning(text.instrument, result.severity)}
          </p>
          <p className="mt-2 text-sm">
            Your care team will look at it with you. A score is one piece of the picture, not a
            judgement.
          </p>
          <p className="mt-3 text-sm">
            <Link href="/my-care/trends" className="font-medium underline">
              See how your scores have changed
            </Link>{' '}
            or{' '}
            <Link href="/my-care" className="font-medium underline">
              go back to My care
            </Link>
            .
          </p>
        </section>
      </div>
    );
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit(submit)}
      aria-busy={mutation.isPending}
      className="space-y-6"
    >
      <p className="text-base font-medium text-slate-900">{text.stem}</p>
      <FormAlert messages={summary} />
      <ol className="space-y-5">
        {text.items.map((item, index) => {
          const errorId = `${id}-item-${index}-error`;
          const error = errors.answers?.[index]?.message;
          return (
            <li key={item}>
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
                        {...register(`answers.${index}` as const)}
                      />
                      {option.label}
                    </label>
                  ))}
                </div>
                {error ? <FieldError id={errorId}>{error}</FieldError> : null}
              </fieldset>
              {index === PHQ9_SAFETY_ITEM_INDEX && safetyAnswer > 0 ? (
                <div className="mt-3">
                  <CrisisResources headingId={`${id}-crisis-now`} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Button
        type="submit"
        disabled={mutation.isPending}
        className="min-h-12 w-full text-base sm:w-auto"
      >
        {mutation.isPending ? 'Saving…' : `Submit my ${text.name}`}
      </Button>
    </form>
  );
}
