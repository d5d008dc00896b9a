'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { plural } from '@/lib/format';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { ReadAllResult } from '@/lib/schemas/notifications';

/** What marking all read did, in words. */
function resultWords({ marked, needingAttention }: ReadAllResult): string {
  const done =
    marked === 0
      ? 'Nothing to mark: everything was already read.'
      : `Marked ${plural(marked, 'item')} as read.`;
  const left =
    needingAttention === 0
      ? ''
      : ` ${plural(needingAttention, 'urgent item')} ${needingAttention === 1 ? 'stays' : 'stay'} unread until the safety flag is acknowledged.`;
  return done + left;
}

/** "Mark all as read", confirmed first, then says what it did. */
export function MarkAllRead({ careTeam }: { careTeam: boolean }) {
  const router = useRouter();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const mutation = useMutation({
    mutationKey: queryKeys.notifications.readAll,
    mutationFn: () => apiFetch<ReadAllResult>('/api/v1/notifications/read-all', { method: 'POST' }),
    onSuccess: async (answer) => {
      setOpen(false);
      setResult(resultWords(answer));
      router.refresh();
      await refresh(client, refreshAfter.notificationRead());
    },
  });

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        variant="secondary"
        className="px-3 py-1.5"
        onClick={() => {
          mutation.reset();
          setResult(null);
          setOpen(true);
        }}
      >
        Mark all as read
      </Button>
      <StatusMessage>{result}</StatusMessage>
      <ConfirmDialog
        open={open}
        title="Mark everything as read?"
        confirmLabel="Mark all as read"
        pendingLabel="Marking…"
        tone="primary"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>
          Every item in your inbox will show as read.
          {careTeam
            ? ' Urgent safety items stay unread until someone on the care team acknowledges the flag.'
            : null}
        </p>
      </ConfirmDialog>
    </div>
  );
}
