'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';

/**
 * The recipe for an action that cannot be taken back by a click: a button opens a confirmation
 * that says what happens; confirming POSTs to `path`, then closes, invalidates `invalidates` and
 * refreshes the page. Errors show in the dialog.
 */
export function ConfirmedActionButton({
  path,
  mutationKey,
  invalidates,
  label,
  variant = 'secondary',
  title,
  confirmLabel,
  pendingLabel,
  tone,
  children,
}: {
  path: `/api/v1/${string}`;
  mutationKey?: QueryKey;
  invalidates?: QueryKey;
  /** The button's text; include an sr-only part that names whom it acts on. */
  label: ReactNode;
  variant?: ButtonVariant;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: 'danger' | 'primary';
  /** What happens, in plain words. */
  children: ReactNode;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationKey,
    mutationFn: () => apiFetch(path, { method: 'POST' }),
    onSuccess: async () => {
      setIsOpen(false);
      if (invalidates) await queryClient.invalidateQueries({ queryKey: invalidates });
      router.refresh();
    },
  });

  return (
    <>
      <Button
        variant={variant}
        className={variant === 'secondary' ? 'px-3 py-1.5' : undefined}
        onClick={() => {
          mutation.reset();
          setIsOpen(true);
        }}
      >
        {label}
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={title}
        confirmLabel={confirmLabel}
        pendingLabel={pendingLabel}
        tone={tone}
        isPending={mutation.isPending}
        error={mutation.isError ? problemMessage(mutation.error) : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setIsOpen(false)}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
