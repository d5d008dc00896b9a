'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyField } from '@/components/ui/copy-field';
import { apiFetch, problemMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { useCreateMutation } from '@/lib/use-create-mutation';
import type { SetPasswordLinkResult } from '@/lib/schemas/admin';

/**
 * Admins: a new one-time set-password link for an account, after a confirmation that says what
 * it does; the link is then shown this once.
 */
export function SendSetPasswordLinkButton({ userId, name }: { userId: string; name: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // A retry after a failure sends the same Idempotency-Key, so it answers the same link.
  const mutation = useCreateMutation<SetPasswordLinkResult, void>({
    mutationKey: queryKeys.users.setPasswordLink(userId),
    mutationFn: (_, idempotencyKey) =>
      apiFetch<SetPasswordLinkResult>(
        `/api/v1/users/${encodeURIComponent(userId)}/set-password-link`,
        { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey } },
      ),
    onSuccess: (result) => {
      setIsOpen(false);
      setLink(result.setPasswordUrl);
    },
  });
  useEffect(() => {
    if (link) noticeRef.current?.focus();
  }, [link]);

  return (
    <div className="space-y-4">
      <Button
        variant="secondary"
        onClick={() => {
          mutation.reset();
          setIsOpen(true);
        }}
      >
        Make a new set-password link<span className="sr-only"> for {name}</span>
      </Button>
      {link ? (
        <div className="space-y-3">
          <p
            ref={noticeRef}
            tabIndex={-1}
            className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          >
            <strong>This link is shown only once.</strong> Copy it now and send it to {name}{' '}
            privately. It works once and expires in 72 hours.
          </p>
          <CopyField label="One-time set-password link" value={link} />
        </div>
      ) : null}
      <ConfirmDialog
        open={isOpen}
        title={`Make a new set-password link for ${name}?`}
        confirmLabel="Make the link"
        pendingLabel="Making the link…"
        tone="primary"
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setIsOpen(false)}
      >
        <p>
          The link lets whoever holds it choose a new password for {name}, once, within 72 hours.
          Any earlier link stops working. When it is used, {name} is signed out everywhere else.
        </p>
      </ConfirmDialog>
    </div>
  );
}
