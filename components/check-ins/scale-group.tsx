'use client';

import { get, useFormState, type UseFormRegisterReturn } from 'react-hook-form';
import { useBoundForm } from '@/components/forms/schema-form';
import { FieldError } from '@/components/ui/field';

export type ScaleOption = { value: number | string; label: string; hint?: string };

/**
 * A question answered by one of a few choices: native radio buttons drawn as big tap targets,
 * so Tab reaches the group and the arrow keys (or Space) choose, as in any radio group.
 */
export function ScaleGroup({
  id,
  legend,
  hint,
  options,
  register,
  error,
  optional = false,
  columns = 'grid-cols-5',
}: {
  id: string;
  legend: string;
  hint?: string;
  options: ScaleOption[];
  register: UseFormRegisterReturn;
  error?: string;
  optional?: boolean;
  columns?: string;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      className="space-y-2"
    >
      <legend className="text-base font-medium text-slate-900">
        {legend}
        {optional ? <span className="font-normal text-slate-600"> (optional)</span> : null}
      </legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-1.5 ${columns}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className="relative flex min-h-12 cursor-pointer flex-col items-center justify-center rounded-md border border-slate-400 bg-white px-1 py-2 text-center text-slate-900 has-checked:border-teal-700 has-checked:bg-teal-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-700"
          >
            <input type="radio" value={option.value} className="sr-only" {...register} />
            <span className="text-base font-semibold tabular-nums">{option.label}</span>
            {option.hint ? (
              <span className="text-xs leading-tight">
                <span className="sr-only">, </span>
                {option.hint}
              </span>
            ) : null}
          </label>
        ))}
      </div>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}

/** A ScaleGroup bound to the enclosing <SchemaForm> by name. */
export function ScaleField({
  name,
  ...group
}: { name: string } & Omit<Parameters<typeof ScaleGroup>[0], 'id' | 'register' | 'error'>) {
  const form = useBoundForm();
  const { errors } = useFormState({ control: form.control, name });
  const error = get(errors, name) as { message?: string } | undefined;
  return (
    <ScaleGroup
      {...group}
      id={`${form.id}-${name.replaceAll('.', '-')}`}
      register={form.register(name)}
      error={error?.message}
    />
  );
}
