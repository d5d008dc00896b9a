import type { ReactNode } from 'react';

/** The look of every text input, select and date input. */
export const inputClass =
  'block w-full rounded-md border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 ' +
  'shadow-sm placeholder:text-slate-500 focus-visible:border-teal-700 focus-visible:outline-2 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-teal-700 aria-invalid:border-red-700';

/** What a control needs to be labelled and described: pass these onto the input. */
export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

/**
 * A labelled form control with an optional hint and its error, both linked to the control by
 * aria-describedby. `children` receives the props to put on the input.
 */
export function Field({
  id,
  label,
  hint,
  error,
  optional = false,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
        {optional ? <span className="font-normal text-slate-600"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

/** A field's error, under it, in words (the colour only repeats them). */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      <span aria-hidden="true">! </span>
      {children}
    </p>
  );
}
