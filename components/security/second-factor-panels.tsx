'use client';

import { RecoveryCodeList } from '@/components/security/recovery-code-list';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { EnrolmentStart } from '@/lib/schemas/security';
import { CodeForm } from './code-form';

/** The secret in groups of four, as authenticator apps show it when typed by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** The recovery codes, shown once. */
export function RecoveryCodesCard({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  return (
    <Card
      title="Save your recovery codes"
      titleId="recovery-codes-heading"
      description="If you lose your phone, each of these codes signs you in once in place of the app's code. They are shown only now."
    >
      <RecoveryCodeList codes={codes} />
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={onSaved}>I have saved my codes</Button>
      </div>
    </Card>
  );
}

/** Setting up: the QR code, the secret as text, and the first code. */
export function EnrolmentSteps({
  enrolment,
  onConfirm,
  onCancel,
}: {
  enrolment: EnrolmentStart;
  onConfirm: (code: string) => Promise<void>;
  onCancel: () => void;
}) {
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
            onSubmit={onConfirm}
            onCancel={onCancel}
          />
        </li>
      </ol>
    </Card>
  );
}
