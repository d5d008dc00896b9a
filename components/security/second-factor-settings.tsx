'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SecondFactorOn } from '@/components/security/second-factor-on';
import { EnrolmentSteps, RecoveryCodesCard } from '@/components/security/second-factor-panels';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/use-create-mutation';
import type { EnrolmentStart, RecoveryCodes, SecondFactorStatus } from '@/lib/schemas/security';

type Phase =
  | { kind: 'status' }
  | { kind: 'enrolling'; enrolment: EnrolmentStart }
  | { kind: 'codes'; codes: string[]; firstTime: boolean };

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
  async function confirm(code: string) {
    const result = await sendCode('/api/v1/me/second-factor/confirm', code);
    setStatus((s) => ({ ...s, enabled: true, enabledAt: result.enabledAt, pending: false }));
    setPhase({ kind: 'codes', codes: result.recoveryCodes, firstTime: true });
  }

  async function renew(code: string) {
    const result = await sendCode('/api/v1/me/second-factor/recovery-codes', code);
    setPhase({ kind: 'codes', codes: result.recoveryCodes, firstTime: false });
  }

  if (phase.kind === 'codes') {
    return (
      <RecoveryCodesCard
        codes={phase.codes}
        onSaved={() => {
          setStatus((s) => ({ ...s, recoveryCodesLeft: phase.codes.length }));
          setPhase({ kind: 'status' });
          // A full load: a viewer the organization held on this page may now go anywhere.
          if (phase.firstTime) window.location.assign(homePath);
          else router.refresh();
        }}
      />
    );
  }

  if (phase.kind === 'enrolling') {
    return (
      <EnrolmentSteps
        enrolment={phase.enrolment}
        onConfirm={confirm}
        onCancel={() => setPhase({ kind: 'status' })}
      />
    );
  }

  if (!status.enabled) {
    return (
      <SecondFactorOff onStarted={(enrolment) => setPhase({ kind: 'enrolling', enrolment })} />
    );
  }
  return <SecondFactorOn status={status} setStatus={setStatus} renew={renew} />;
}

/** A code that yields recovery codes; a new Idempotency-Key each time (lib/use-create-mutation.ts). */
function sendCode(path: `/api/v1/${string}`, code: string): Promise<RecoveryCodes> {
  return apiFetch<RecoveryCodes>(path, {
    method: 'POST',
    body: { code },
    idempotencyKey: newIdempotencyKey(),
  });
}

/** Two-step sign-in is off: the way to set it up. */
function SecondFactorOff({ onStarted }: { onStarted: (enrolment: EnrolmentStart) => void }) {
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    setStartError(null);
    try {
      // Each start replaces the pending secret, so a retry needs no Idempotency-Key.
      onStarted(
        await apiFetch<EnrolmentStart>('/api/v1/me/second-factor/enrolment', { method: 'POST' }),
      );
    } catch (error) {
      setStartError(problemMessage(error));
    } finally {
      setStarting(false);
    }
  }

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
