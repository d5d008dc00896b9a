'use client';

import { useRouter } from 'next/navigation';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';
import type { SecondFactorStatus } from '@/lib/schemas/security';
import { CodeForm } from './code-form';

/** Two-step sign-in is on: new recovery codes, or turning it off, each with a code. */
export function SecondFactorOn({
  status,
  setStatus,
  renew,
}: {
  status: SecondFactorStatus;
  setStatus: (status: SecondFactorStatus) => void;
  renew: (code: string) => Promise<void>;
}) {
  const [action, setAction] = useState<'none' | 'renew' | 'disable'>('none');
  const [confirmingDisable, setConfirmingDisable] = useState<string | null>(null);
  return (
    <Card
      title="Two-step sign-in is on"
      titleId="second-factor-heading"
      description={
        <>
          {status.enabledAt ? (
            <>
              On since <LocalDateTime iso={status.enabledAt} withRelative={false} />.{' '}
            </>
          ) : null}
          {status.recoveryCodesLeft} of 10 recovery codes left.
        </>
      }
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
          onSubmit={async (code) => {
            await renew(code);
            setAction('none');
          }}
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
      <DisableDialog
        code={confirmingDisable}
        onCancel={() => setConfirmingDisable(null)}
        onDone={(next) => {
          setStatus(next);
          setConfirmingDisable(null);
          setAction('none');
        }}
      />
    </Card>
  );
}

/** The last word before turning it off; the code was asked for already. */
function DisableDialog({
  code,
  onCancel,
  onDone,
}: {
  code: string | null;
  onCancel: () => void;
  onDone: (next: SecondFactorStatus) => void;
}) {
  const disable = useDisable(onDone);
  return (
    <ConfirmDialog
      open={code !== null}
      title="Turn off two-step sign-in?"
      confirmLabel="Turn off"
      pendingLabel="Turning off…"
      isPending={disable.pending}
      error={disable.error}
      onConfirm={() => void disable.run(code ?? '')}
      onCancel={() => {
        onCancel();
        disable.clearError();
      }}
    >
      <p>
        Your password alone will open your account again, and your recovery codes stop working. You
        can set it up again at any time.
      </p>
    </ConfirmDialog>
  );
}

/** Turns two-step sign-in off with a code the person gave; the page refreshes after. */
function useDisable(onDone: (next: SecondFactorStatus) => void) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(code: string) {
    setPending(true);
    setError(null);
    try {
      const next = await apiFetch<SecondFactorStatus>('/api/v1/me/second-factor/disable', {
        method: 'POST',
        body: { code },
      });
      onDone(next);
      router.refresh();
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, run, clearError: () => setError(null) };
}
