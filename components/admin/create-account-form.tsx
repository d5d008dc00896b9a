'use client';

import { SignInEmailField } from '@/components/admin/sign-in-email-field';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import { Button, buttonClass } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { Field, inputClass } from '@/components/ui/field';
import { ShowPasswordButton } from '@/components/ui/show-password-button';
import { useCreate } from '@/lib/use-create-mutation';
import { roleLabel } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import type { CreateAccountInput, CreateAccountResult } from '@/lib/schemas/admin';
import { ACCOUNT_ROLES } from '@/lib/schemas/admin-values';
import { DateField, RadioCardsField, TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton, useBoundForm } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';

type AccountRole = (typeof ACCOUNT_ROLES)[number];

type FormValues = {
  role: AccountRole | '';
  name: string;
  email: string;
  dateOfBirth: string;
  pronouns: string;
  passwordMethod: 'link' | 'password';
  initialPassword: string;
};

const emptyForm: FormValues = {
  role: '',
  name: '',
  email: '',
  dateOfBirth: '',
  pronouns: '',
  passwordMethod: 'link',
  initialPassword: '',
};

const roleChoices: { value: AccountRole; hint: string }[] = [
  { value: 'PATIENT', hint: 'Sees their own plan, medications and care team.' },
  { value: 'PRESCRIBER', hint: 'Manages medications for the patients on their care teams.' },
  { value: 'THERAPIST', hint: 'Works in therapy with the patients on their care teams.' },
];

/** The form as the API's body: fields that do not apply to the choices made are left out. */
function toInput(values: FormValues) {
  const isPatient = values.role === 'PATIENT';
  return {
    role: values.role || undefined,
    name: values.name,
    email: values.email.trim(),
    ...(isPatient && values.dateOfBirth ? { dateOfBirth: values.dateOfBirth } : {}),
    ...(isPatient && values.pronouns.trim() ? { pronouns: values.pronouns } : {}),
    ...(values.passwordMethod === 'password' ? { initialPassword: values.initialPassword } : {}),
  };
}

/** Admins: a new clinician or patient account, with an initial password or a one-time link. */
export function CreateAccountForm() {
  const [created, setCreated] = useState<CreateAccountResult | null>(null);
  const form = useSchemaForm(
    () => import('@/lib/schemas/admin').then((m) => m.CreateAccountInput),
    { defaultValues: emptyForm, toInput },
  );
  const role = useWatch({ control: form.control, name: 'role' });
  const passwordMethod = useWatch({ control: form.control, name: 'passwordMethod' });

  const mutation = useCreate<CreateAccountResult, CreateAccountInput>('/api/v1/users', {
    mutationKey: queryKeys.users.create,
    onSuccess: (result) => {
      setCreated(result);
      form.reset(emptyForm);
    },
    onError: form.showProblem,
  });

  if (created) {
    return (
      <AccountCreated
        result={created}
        onAnother={() => {
          setCreated(null);
          form.setSummary([]);
          mutation.reset();
        }}
      />
    );
  }

  return (
    <SchemaForm form={form} mutation={mutation} className="space-y-6">
      <RadioCardsField
        name="role"
        legend="Kind of account"
        columns="sm:grid-cols-3"
        error="Choose the kind of account."
        choices={roleChoices.map((choice) => ({ ...choice, label: roleLabel(choice.value) }))}
      />
      <TextField name="name" label="Full name" autoComplete="off" />
      <SignInEmailField />
      {role === 'PATIENT' ? <PatientFields /> : null}
      <RadioCardsField
        name="passwordMethod"
        legend="How they set their password"
        choices={passwordMethods}
      />
      {passwordMethod === 'password' ? <InitialPasswordField /> : null}
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:items-center">
        <Link href="/admin" className={buttonClass('secondary')}>
          Cancel
        </Link>
        <SubmitButton pendingLabel="Creating the account…">Create account</SubmitButton>
      </div>
    </SchemaForm>
  );
}

const passwordMethods = [
  {
    value: 'link',
    label: 'Give them a one-time set-password link (recommended)',
    hint: 'You will see the link once, after the account is created. It works once and expires in 72 hours.',
  },
  {
    value: 'password',
    label: 'Set an initial password',
    hint: 'You choose the password and pass it on to them privately.',
  },
] as const;

/** The initial password, hidden unless the admin shows it. */
function InitialPasswordField() {
  const form = useBoundForm();
  const [shown, setShown] = useState(false);
  const { errors } = useFormState({ control: form.control, name: 'initialPassword' });
  const id = `${form.id}-initialPassword`;
  return (
    <Field
      id={id}
      label="Initial password"
      hint="At least 12 characters."
      error={errors.initialPassword?.message as string | undefined}
    >
      {(control) => (
        <div className="relative">
          <input
            {...control}
            type={shown ? 'text' : 'password'}
            autoComplete="new-password"
            className={`${inputClass} pr-20`}
            {...form.register('initialPassword')}
          />
          <ShowPasswordButton shown={shown} onToggle={() => setShown((s) => !s)} controls={id} />
        </div>
      )}
    </Field>
  );
}

/** What was created, and the one-time link (shown this once) when there is one. */
function AccountCreated({
  result,
  onAnother,
}: {
  result: CreateAccountResult;
  onAnother: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { user, setPasswordUrl } = result;
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="space-y-5">
      <div className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3">
        <h2 ref={headingRef} tabIndex={-1} className="font-semibold text-teal-900">
          Account created
        </h2>
        <p className="mt-1 text-sm text-teal-900">
          {user.name} ({roleLabel(user.role).toLowerCase()}, {user.email}).
          {setPasswordUrl ? null : ' They can sign in now with the password you set.'}
        </p>
      </div>
      {setPasswordUrl ? (
        <div className="space-y-3">
          <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <strong>This link is shown only once.</strong> Copy it now and send it to {user.name}{' '}
            privately. It works once and expires in 72 hours. If it is lost, disable this account
            and create it again.
          </p>
          <CopyField label="One-time set-password link" value={setPasswordUrl} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {user.role === 'PATIENT' && user.patientId ? (
          <Link href={`/admin/patients/${user.patientId}`} className={buttonClass('primary')}>
            Set up {user.name}’s care team
          </Link>
        ) : null}
        <Button variant="secondary" onClick={onAnother}>
          Create another account
        </Button>
        <Link href="/admin" className={buttonClass('secondary')}>
          Back to users and care teams
        </Link>
      </div>
    </div>
  );
}

function PatientFields() {
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <DateField name="dateOfBirth" label="Date of birth" />
      <TextField
        name="pronouns"
        label="Pronouns"
        optional
        hint="For example: she/her, he/him, they/them."
        autoComplete="off"
      />
    </div>
  );
}
