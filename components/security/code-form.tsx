'use client';

import { TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';

/**
 * A code field and its submit button: for confirming enrolment, new codes, turning off. A refused
 * code is cleared and the field takes focus again, for the next one.
 */
export function CodeForm({
  label,
  hint,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  hint: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (code: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useSchemaForm(
    () => import('@/lib/schemas/security').then((m) => m.SecondFactorCodeInput),
    { defaultValues: { code: '' } },
  );
  const pending = form.formState.isSubmitting;

  async function send({ code }: { code: string }) {
    try {
      await onSubmit(code);
    } catch (caught) {
      form.setValue('code', '');
      form.showProblem(caught);
      form.setFocus('code');
    }
  }

  return (
    <SchemaForm form={form} busy={pending} className="max-w-sm space-y-4" onSubmit={send}>
      <TextField
        name="code"
        label={label}
        hint={hint}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={40}
        className="font-mono"
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </SchemaForm>
  );
}
