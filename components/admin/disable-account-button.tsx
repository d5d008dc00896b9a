'use client';

import { ConfirmedActionButton } from '@/components/forms/confirmed-action-button';
import { queryKeys } from '@/lib/query-keys';

/** "Disable" for one account, after a confirmation that names the person and what happens. */
export function DisableAccountButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ConfirmedActionButton
      path={`/api/v1/users/${encodeURIComponent(userId)}/disable`}
      mutationKey={queryKeys.users.disable(userId)}
      label={
        <>
          Disable<span className="sr-only"> {name}’s account</span>
        </>
      }
      title={`Disable ${name}’s account?`}
      confirmLabel="Disable account"
      pendingLabel="Disabling…"
    >
      <p>
        {name} will be signed out everywhere at once, and will not be able to sign in again. Their
        care-team places and their records stay as they are.
      </p>
    </ConfirmedActionButton>
  );
}
