'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { RecoveryCodeList } from '@/components/security/recovery-code-list';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ApiProblem, apiFetch, problemMessage } from '@/lib/api-client';
import type { EnrolmentStart, RecoveryCodes, SecondFactorStatus } from '@/lib/schemas/security';

type Phase =
  | { kind: 'status' }
  | { kind: 'enrolling'; enrolment: EnrolmentStart }
  | { kind: 'codes'; codes: string[]; firstTime: boolean };

/** The secret in groups of four, as authenticator apps show it when typed by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

function codeError(error: unknown): { field?: string; form?: string } {
  if (error instanceof ApiProblem) {
    const onCode = error.errors.find((e) => e.path === 'code');
    if (onCode) return { field: onCode.message };
  }
  return { form: problemMessage(error) };
}

/** A code field and its submit button: for confirming enrolment, new codes, turning off. */
function CodeForm({
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
  const id = useId();
  const alertId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const inputRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!code) {
      setError({ field: 'Enter the code.' });
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setError({});
    try {
      await onSubmit(code);
    } catch (caught) {
      setError(codeError(caught));
      if (inputRef.current) inputRef.current.value = '';
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="max-w-sm space-y-4" aria-busy={pending}>
      <FormAlert id={alertId} messages={error.form ? [error.form] : []} />
      <Field id={id} label={label} hint={hint} error={error.field}>
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            maxLength={40}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The Security page's second-factor part: set it up (QR code, the secret as text, a first code),
 * then the recovery codes once; when on, new recovery codes or turning it off, each with a code.
 */
export function SecondFactorSettings({
  initialStatus,
  homePath,
}: {
  initialStatus: SecondFactorStatus;
  homePath: string;
}) {
  const router = useRouter();
  const [status, setStatus] = useState(initialStatus);
  const [phase, setPhase] = useState<Phase>({ kind: 'status' });
  const [action, setAction] = useState<'none' | 'renew' | 'disable'>('none');
  const [confirmingDisable, setConfirmingDisable] = useState<string | null>(null);
  const [disableError, setDisableError] = useState<string | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    setStartError(null);
    try {
      // Each start replaces the pending secret, so a retry needs no Idempotency-Key.
      const enrolment = await apiFetch<EnrolmentStart>('/api/v1/me/second-factor/enrolment', {
        method: 'POST',
      });
      setPhase({ kind: 'enrolling', enrolment });
    } catch (error) {
      setStartError(problemMessage(error));
    } finally {
      setStarting(false);
    }
  }

  async function confirm(code: string) {
    const result = await apiFetch<RecoveryCodes>('/api/v1/me/second-factor/confirm', {
      method: 'POST',
      body: { code },
      headers: { 'Idempotency-Key': globalThis.crypto.randomUUID() },
    });
    setStatus((s) => ({ ...s, enabled: true, enabledAt: result.enabledAt, pending: false }));
    setPhase({ kind: 'codes', codes: result.recoveryCodes, firstTime: true });
  }

  async function renew(code: string) {
    const result = await apiFetch<RecoveryCodes>('/api/v1/me/second-factor/recovery-codes', {
      method: 'POST',
      body: { code },
      headers: { 'Idempotency-Key': globalThis.crypto.randomUUID() },
    });
    setAction('none');
    setPhase({ kind: 'codes', codes: result.recoveryCodes, firstTime: false });
  }

  async function disable(code: string) {
    setDisabling(true);
    setDisableError(null);
    try {
      const next = await apiFetch<SecondFactorStatus>('/api/v1/me/second-factor/disable', {
        method: 'POST',
        body: { code },
      });
      setStatus(next);
      setConfirmingDisable(null);
      setAction('none');
      router.refresh();
    } catch (error) {
      setDisableError(problemMessage(error));
    } finally {
      setDisabling(false);
    }
  }

  if (phase.kind === 'codes') {
    return (
      <Card
        title="Save your recovery codes"
        titleId="recovery-codes-heading"
        description="If you lose your phone, each of these codes signs you in once in place of the app's code. They are shown only now."
      >
        <RecoveryCodeList codes={phase.codes} />
        <div className="mt-6 flex flex-wrap gap-3">
          <Button
            onClick={() => {
              setStatus((s) => ({ ...s, recoveryCodesLeft: phase.codes.length }));
              setPhase({ kind: 'status' });
              // A full load: a viewer the organization held on this page may now go anywhere.
              if (phase.firstTime) window.location.assign(homePath);
              else router.refresh();
            }}
          >
            I have saved my codes
          </Button>
        </div>
      </Card>
    );
  }

  if (phase.kind === 'enrolling') {
    const { enrolment } = phase;
    return (
      <Card
        title="Set up two-step sign-in"
        titleId="enrol-heading"
        description="You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis."
      >
        <ol className="space-y-6">
          <li className="space-y-3">
            <h3 className="font-medium text-slate-900">1. Scan this code with the app</h3>
            {/* A data: URL the server drew; next/image would add nothing here. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={enrolment.qrCode}
              alt="QR code to add Triad to your authenticator app"
              width={192}
              height={192}
              className="h-48 w-48 rounded-md border border-slate-200 bg-white"
            />
          </li>
          <li className="space-y-2">
            <h3 className="font-medium text-slate-900">
              2. Cannot scan? Type this key into the app instead
            </h3>
            <p className="text-sm text-slate-600">Choose a time-based key. Spaces do not matter.</p>
            <p>
              <code
                data-testid="totp-secret"
                data-secret={enrolment.secret}
                className="inline-block rounded-md bg-slate-100 px-3 py-2 font-mono text-base break-all text-slate-900"
              >
                {grouped(enrolment.secret)}
              </code>
            </p>
          </li>
          <li className="space-y-3">
            <h3 className="font-medium text-slate-900">3. Enter the code the app shows</h3>
            <CodeForm
              label="6-digit code"
              hint="The code changes every 30 seconds; any current one works."
              submitLabel="Turn on two-step sign-in"
              pendingLabel="Checking…"
              onSubmit={confirm}
              onCancel={() => setPhase({ kind: 'status' })}
            />
          </li>
        </ol>
      </Card>
    );
  }

  if (!status.enabled) {
    return (
      <Card
        title="Two-step sign-in is off"
        titleId="second-factor-heading"
        description="Setting it up takes a minute: scan a code with an authenticator app, then type the code it shows."
      >
        <FormAlert messages={startError ? [startError] : []} />
        <Button onClick={() => void start()} disabled={starting} className="mt-2">
          {starting ? 'Preparing…' : 'Set up two-step sign-in'}
        </Button>
      </Card>
    );
  }

  const since = status.enabledAt
    ? new Date(status.enabledAt).toLocaleDateString(undefined, { dateStyle: 'long' })
    : null;
  return (
    <Card
      title="Two-step sign-in is on"
      titleId="second-factor-heading"
      description={`${since ? `On since ${since}. ` : ''}${status.recoveryCodesLeft} of 10 recovery codes left.`}
    >
      {action === 'none' ? (
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => setAction('renew')}>
            Get new recovery codes
          </Button>
          {status.required ? null : (
            <Button variant="secondary" onClick={() => setAction('disable')}>
              Turn off two-step sign-in
            </Button>
          )}
        </div>
      ) : null}
      {status.required ? (
        <p className="mt-4 text-sm text-slate-600">
          Your organization requires two-step sign-in, so it cannot be turned off. Lost your phone?
          Sign in with a recovery code, or ask an administrator to reset it.
        </p>
      ) : null}
      {action === 'renew' ? (
        <CodeForm
          label="Code from your app, or a recovery code"
          hint="New codes replace all the old ones."
          submitLabel="Get new recovery codes"
          pendingLabel="Checking…"
          onSubmit={renew}
          onCancel={() => setAction('none')}
        />
      ) : null}
      {action === 'disable' ? (
        <CodeForm
          label="Code from your app, or a recovery code"
          hint="Without two-step sign-in, your password alone opens your account."
          submitLabel="Continue"
          pendingLabel="Checking…"
          onSubmit={async (code) => setConfirmingDisable(code)}
          onCancel={() => setAction('none')}
        />
      ) : null}
      <ConfirmDialog
        open={confirmingDisable !== null}
        title="Turn off two-step sign-in?"
        confirmLabel="Turn off"
        pendingLabel="Turning off…"
        isPending={disabling}
        error={disableError}
        onConfirm={() => void disable(confirmingDisable ?? '')}
        onCancel={() => {
          setConfirmingDisable(null);
          setDisableError(null);
        }}
      >
        <p>
          Your password alone will open your account again, and your recovery codes stop working.
          You can set it up again at any time.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
