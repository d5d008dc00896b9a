'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { FormAlert } from './form-alert';
import type { SchemaForm as Form } from './use-schema-form';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = Form<any, any>;

const FormContext = createContext<AnyForm | null>(null);
const BusyContext = createContext(false);

/** The form the field wrappers (components/forms/fields.tsx) are bound to. */
export function useBoundForm(): AnyForm {
  const form = useContext(FormContext);
  if (!form) throw new Error('A field is bound to a form: put it inside <SchemaForm>.');
  return form;
}

/**
 * The one way a form is laid out: no browser validation (the schema speaks), busy while sending,
 * the alert summary first, and the fields bound to `form` by name.
 */
export function SchemaForm<TValues extends FieldValues, TOutput>({
  form,
  mutation,
  onSubmit = mutation?.mutate ?? (() => undefined),
  busy = mutation?.isPending ?? false,
  className = 'space-y-5',
  intro,
  children,
  ...rest
}: {
  form: Form<TValues, TOutput>;
  /** The request the form sends: its body on submit, busy while it is on its way. */
  mutation?: { isPending: boolean; mutate: (body: TOutput) => void };
  /** What a valid submission does, when it is not `mutation.mutate`. */
  onSubmit?: (body: TOutput) => unknown;
  busy?: boolean;
  className?: string;
  /** What is read before the alert (a heading, a sentence about the form). */
  intro?: ReactNode;
  children: ReactNode;
  'aria-labelledby'?: string;
  'aria-label'?: string;
}) {
  return (
    <FormContext.Provider value={form as AnyForm}>
      <BusyContext.Provider value={busy}>
        <form
          noValidate
          aria-busy={busy}
          onSubmit={form.onSubmit(onSubmit)}
          // The schema loads when a person reaches into the form, before their first check.
          onFocusCapture={form.warm}
          onPointerDownCapture={form.warm}
          className={className}
          {...rest}
        >
          {intro}
          <FormAlert id={`${form.id}-alert`} messages={form.summary} />
          {children}
        </form>
      </BusyContext.Provider>
    </FormContext.Provider>
  );
}

/** The submit button of a form: disabled and busy while its request is on its way. */
export function SubmitButton({
  pending = false,
  pendingLabel,
  disabled = false,
  variant,
  className,
  children,
}: {
  /** Busy for another reason than the form's own request. */
  pending?: boolean;
  variant?: ButtonVariant;
  pendingLabel: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const busy = useContext(BusyContext) || pending;
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={busy || disabled}
      aria-busy={busy}
      className={className}
    >
      {busy ? pendingLabel : children}
    </Button>
  );
}
