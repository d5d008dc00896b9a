'use client';

import { ConfirmedActionButton } from '@/components/forms/confirmed-action-button';
import { queryKeys } from '@/lib/query-keys';

/** "Re-enable" for a disabled account, after a confirmation. */
export function EnableAccountButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ConfirmedActionButton
      path={`/api/v1/users/${encodeURIComponent(userId)}/enable`}
      mutationKey={queryKeys.users.enable(userId)}
      variant="primary"
      label={
        <>
          Re-enable<span className="sr-only"> {name}’s account</span>
        </>
      }
      title={`Re-enable ${name}’s account?`}
      confirmLabel="Re-enable account"
      pendingLabel="Re-enabling…"
      tone="primary"
    >
      <p>
        {name} can sign in again with their password. If they have forgotten it, make them a new
        set-password link afterwards. Care-team places they had are as you left them.
      </p>
    </ConfirmedActionButton>
  );
}
