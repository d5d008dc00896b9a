'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SecondFactorOn } from '@/components/security/second-factor-on';
import { EnrolmentSteps, RecoveryCodesCard } from '@/components/security/second-factor-panels';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch, problemMessage } from '@/lib/api-client';
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

  return <SecondFactorOn status={status} setStatus={setStatus} renew={renew} />;
}
