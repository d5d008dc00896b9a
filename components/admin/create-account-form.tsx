'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button, buttonClass } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { roleLabel } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import { ACCOUNT_ROLES, CreateAccountInput, type CreateAccountResult } from '@/lib/schemas/admin';

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

const FIELDS = ['role', 'name', 'email', 'dateOfBirth', 'pronouns', 'initialPassword'] as const;

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

// The API's own schema checks the form, applied to the body the form would send. The casts only
// bridge the form's value types (an unchosen role is '') and the schema's input types.
type CreateAccountResolver = Resolver<FormValues, unknown, CreateAccountInput>;
const schemaResolver = zodResolver(CreateAccountInput);
const resolver: CreateAccountResolver = (values, context, options) =>
  schemaResolver(
    toInput(values) as Parameters<typeof schemaResolver>[0],
    context,
    options as never,
  ) as ReturnType<CreateAccountResolver>;

/** Admins: a new clinician or patient account, with an initial password or a one-time link. */
export function CreateAccountForm() {
  const [summary, setSummary] = useState<string[]>([]);
  const [created, setCreated] = useState<CreateAccountResult | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const id = useId();
  const ids = {
    role: `${id}-role`,
    name: `${id}-name`,
    email: `${id}-email`,
    dateOfBirth: `${id}-dob`,
    pronouns: `${id}-pronouns`,
    passwordMethod: `${id}-method`,
    initialPassword: `${id}-password`,
    alert: `${id}-alert`,
  };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm<FormValues, unknown, CreateAccountInput>({
    resolver,
    defaultValues: emptyForm,
    shouldUnregister: false,
  });
  const role = useWatch({ control, name: 'role' });
  const passwordMethod = useWatch({ control, name: 'passwordMethod' });

  const mutation = useCreateMutation({
    mutationKey: queryKeys.users.create,
    mutationFn: (input: CreateAccountInput, idempotencyKey) =>
      apiFetch<CreateAccountResult>('/api/v1/users', {
        method: 'POST',
        body: input,
        idempotencyKey,
      }),
    onSuccess: async (result) => {
      setCreated(result);
      reset(emptyForm);
    },
    onError: (error) => setSummary(applyProblem(error, setError, FIELDS)),
  });

  if (created) {
    return (
      <AccountCreated
        result={created}
        onAnother={() => {
          setCreated(null);
          setSummary([]);
          mutation.reset();
        }}
      />
    );
  }

  const roleError = errors.role ? 'Choose the kind of account.' : undefined;

  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      onSubmit={handleSubmit((input) => {
        setSummary([]);
        mutation.mutate(input);
      })}
      className="space-y-6"
    >
      <FormAlert id={ids.alert} messages={summary} />

      <fieldset aria-describedby={roleError ? `${ids.role}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-900">Kind of account</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {roleChoices.map((choice) => (
            <label
              key={choice.value}
              className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-teal-700 has-checked:bg-teal-50"
            >
              <input
                type="radio"
                value={choice.value}
                aria-labelledby={`${ids.role}-${choice.value}`}
                aria-describedby={`${ids.role}-${choice.value}-hint`}
                className="mt-1 h-4 w-4 shrink-0 accent-teal-700"
                {...register('role')}
              />
              <span>
                <span
                  id={`${ids.role}-${choice.value}`}
                  className="block font-medium text-slate-900"
                >
                  {roleLabel(choice.value)}
                </span>
                <span
                  id={`${ids.role}-${choice.value}-hint`}
                  className="block text-sm text-slate-600"
                >
                  {choice.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        {roleError ? (
          <div className="mt-2">
            <FieldError id={`${ids.role}-error`}>{roleError}</FieldError>
          </div>
        ) : null}
      </fieldset>

      <Field id={ids.name} label="Full name" error={errors.name?.message}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            className={inputClass}
            {...register('name')}
          />
        )}
      </Field>

      <Field
        id={ids.email}
        label="Email"
        hint="They sign in with this address."
        error={errors.email?.message}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            className={inputClass}
            {...register('email')}
          />
        )}
      </Field>

      {role === 'PATIENT' ? (
        <div className="grid gap-6 sm:grid-cols-2">
          <Field id={ids.dateOfBirth} label="Date of birth" error={errors.dateOfBirth?.message}>
            {(control) => (
              <input {...control} type="date" className={inputClass} {...register('dateOfBirth')} />
            )}
          </Field>
          <Field
            id={ids.pronouns}
            label="Pronouns"
            optional
            hint="For example: she/her, he/him, they/them."
            error={errors.pronouns?.message}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                className={inputClass}
                {...register('pronouns')}
              />
            )}
          </Field>
        </div>
      ) : null}

      <fieldset>
        <legend className="text-sm font-medium text-slate-900">How they set their password</legend>
        <div className="mt-2 space-y-2">
          <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-teal-700 has-checked:bg-teal-50">
            <input
              type="radio"
              value="link"
              aria-labelledby={`${ids.passwordMethod}-link`}
              aria-describedby={`${ids.passwordMethod}-link-hint`}
              className="mt-1 h-4 w-4 shrink-0 accent-teal-700"
              {...register('passwordMethod')}
            />
            <span>
              <span id={`${ids.passwordMethod}-link`} className="block font-medium text-slate-900">
                Give them a one-time set-password link (recommended)
              </span>
              <span id={`${ids.passwordMethod}-link-hint`} className="block text-sm text-slate-600">
                You will see the link once, after the account is created. It works once and expires
                in 72 hours.
              </span>
            </span>
          </label>
          <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-teal-700 has-checked:bg-teal-50">
            <input
              type="radio"
              value="password"
              aria-labelledby={`${ids.passwordMethod}-password`}
              aria-describedby={`${ids.passwordMethod}-password-hint`}
              className="mt-1 h-4 w-4 shrink-0 accent-teal-700"
              {...register('passwordMethod')}
            />
            <span>
              <span
                id={`${ids.passwordMethod}-password`}
                className="block font-medium text-slate-900"
              >
                Set an initial password
              </span>
              <span
                id={`${ids.passwordMethod}-password-hint`}
                className="block text-sm text-slate-600"
              >
                You choose the password and pass it on to them privately.
              </span>
            </span>
          </label>
        </div>
      </fieldset>

      {passwordMethod === 'password' ? (
        <Field
          id={ids.initialPassword}
          label="Initial password"
          hint="At least 12 characters."
          error={errors.initialPassword?.message}
        >
          {(control) => (
            <div className="relative">
              <input
                {...control}
                type={showPassword ? 'text' : 'password'}
                autoComplete="new-password"
                className={`${inputClass} pr-20`}
                {...register('initialPassword')}
              />
              <button
                type="button"
                onClick={() => setShowPassword((shown) => !shown)}
                aria-pressed={showPassword}
                aria-controls={ids.initialPassword}
                className="absolute inset-y-1 right-1 rounded px-3 text-sm font-medium text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-700"
              >
                {showPassword ? 'Hide' : 'Show'}
                <span className="sr-only"> password</span>
              </button>
            </div>
          )}
        </Field>
      ) : null}

      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:items-center">
        <Link href="/admin" className={buttonClass('secondary')}>
          Cancel
        </Link>
        <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? 'Creating the account…' : 'Create account'}
        </Button>
      </div>
    </form>
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
