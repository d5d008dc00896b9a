'use client';

import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { get, useFormState } from 'react-hook-form';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { useBoundForm } from './schema-form';

// Field wrappers bound to the enclosing <SchemaForm> by name: the label, hint, error and their
// aria wiring come from components/ui/field.tsx, the value and the error from the form.

type Described = {
  /** The form's path of the value, e.g. `reason` or `goals.2.description`. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
};

/** The id, error and registration of a bound field. */
function useBinding(name: string) {
  const form = useBoundForm();
  const { errors } = useFormState({ control: form.control, name });
  const error = get(errors, name) as { message?: string } | undefined;
  return {
    id: `${form.id}-${name.replaceAll('.', '-')}`,
    error: error?.message,
    registration: form.register(name),
  };
}

function withClass(extra: string | undefined) {
  return extra ? `${inputClass} ${extra}` : inputClass;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'children'>;

/** A one-line text (or number) input. */
export function TextField({
  name,
  label,
  hint,
  optional,
  className,
  ...input
}: Described & InputProps) {
  const { id, error, registration } = useBinding(name);
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={error}>
      {(control) => (
        <input
          type="text"
          {...input}
          {...control}
          className={withClass(className)}
          {...registration}
        />
      )}
    </Field>
  );
}

/** A date input (yyyy-mm-dd). */
export function DateField(props: Described & Omit<InputProps, 'type'>) {
  return <TextField {...props} type="date" />;
}

/** A text area. */
export function TextAreaField({
  name,
  label,
  hint,
  optional,
  className,
  ...textarea
}: Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'children'>) {
  const { id, error, registration } = useBinding(name);
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={error}>
      {(control) => (
        <textarea {...textarea} {...control} className={withClass(className)} {...registration} />
      )}
    </Field>
  );
}

/** A select; `children` are its options. */
export function SelectField({
  name,
  label,
  hint,
  optional,
  className,
  children,
  ...select
}: Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const { id, error, registration } = useBinding(name);
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={error}>
      {(control) => (
        <select {...select} {...control} className={withClass(className)} {...registration}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it, and its error under it. */
export function CheckboxField({ name, label, hint }: Omit<Described, 'optional'>) {
  const { id, error, registration } = useBinding(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="space-y-1.5">
      <label
        htmlFor={id}
        className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-900"
      >
        <input
          id={id}
          type="checkbox"
          className="size-5 accent-teal-700"
          aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
          aria-invalid={error ? true : undefined}
          {...registration}
        />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

/** The options of a select from a list and its words, after an optional empty choice. */
export function Options<T extends string>({
  values,
  labels,
  empty,
}: {
  values: readonly T[];
  labels: Record<T, string>;
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {values.map((value) => (
        <option key={value} value={value}>
          {labels[value]}
        </option>
      ))}
    </>
  );
}

/**
 * One choice among a few, as cards: each radio is named by its label and described by its hint.
 * `error` replaces whatever the schema says about the choice (e.g. "Choose the kind of account.").
 */
export function RadioCardsField<T extends string>({
  name,
  legend,
  choices,
  columns = '',
  error: words,
}: {
  name: string;
  legend: ReactNode;
  choices: readonly { value: T; label: ReactNode; hint: ReactNode }[];
  /** The grid's columns, e.g. `sm:grid-cols-3`; one column by default. */
  columns?: string;
  error?: string;
}) {
  const { id, error, registration } = useBinding(name);
  const message = error ? (words ?? error) : undefined;
  return (
    <fieldset aria-describedby={message ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <div className={`mt-2 grid gap-2 ${columns}`}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-teal-700 has-checked:bg-teal-50"
          >
            <input
              type="radio"
              value={choice.value}
              aria-labelledby={`${id}-${choice.value}`}
              aria-describedby={`${id}-${choice.value}-hint`}
              className="mt-1 h-4 w-4 shrink-0 accent-teal-700"
              {...registration}
            />
            <span>
              <span id={`${id}-${choice.value}`} className="block font-medium text-slate-900">
                {choice.label}
              </span>
              <span id={`${id}-${choice.value}-hint`} className="block text-sm text-slate-600">
                {choice.hint}
              </span>
            </span>
          </label>
        ))}
      </div>
      {message ? (
        <div className="mt-2">
          <FieldError id={`${id}-error`}>{message}</FieldError>
        </div>
      ) : null}
    </fieldset>
  );
}
