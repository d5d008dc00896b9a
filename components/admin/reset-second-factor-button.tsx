'use client';

import { ConfirmedActionButton } from '@/components/forms/confirmed-action-button';

/** "Reset two-step" for one account, after a confirmation that says what happens. */
export function ResetSecondFactorButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ConfirmedActionButton
      path={`/api/v1/users/${encodeURIComponent(userId)}/second-factor/reset`}
      label={
        <>
          Reset<span className="sr-only"> {name}’s two-step sign-in</span>
        </>
      }
      title={`Reset ${name}’s two-step sign-in?`}
      confirmLabel="Reset two-step sign-in"
      pendingLabel="Resetting…"
    >
      <p>
        {name} will be signed out everywhere. Their authenticator app and recovery codes stop
        working, and they set up two-step sign-in again (at their next sign-in, when your
        organization requires it). Only do this once you are sure it is them asking.
      </p>
    </ConfirmedActionButton>
  );
}
