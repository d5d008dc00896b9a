'use client';

import { ConfirmedActionButton } from '@/components/forms/confirmed-action-button';

/** "Retry" for an email the sender gave up on, after a confirmation. */
export function RetryEmailButton({ emailId, to }: { emailId: string; to: string }) {
  return (
    <ConfirmedActionButton
      path={`/api/v1/admin/outbox/${encodeURIComponent(emailId)}/retry`}
      label={
        <>
          Retry<span className="sr-only"> the email to {to}</span>
        </>
      }
      title={`Send the email to ${to} again?`}
      confirmLabel="Send again"
      pendingLabel="Queueing…"
    >
      <p>
        Triad tries again within a minute, up to five times, as for a new email. If the address is
        wrong, correct it on the account first, or the email will fail again.
      </p>
    </ConfirmedActionButton>
  );
}
