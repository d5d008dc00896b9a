'use client';

import { useMutation, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { apiFetch, problemMessage } from '@/lib/api-client';

/**
 * The recipe for an action that cannot be taken back by a click: a button opens a confirmation
 * that says what happens; confirming runs `before` (if any), POSTs to `path`, then closes and
 * refreshes the page. Errors show in the dialog.
 */
export function ConfirmedActionButton({
  path,
  mutationKey,
  before,
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
  /** What must happen first (the note's unsaved edits are saved before it is signed). */
  before?: () => Promise<unknown>;
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
  const [isOpen, setIsOpen] = useState(false);
  const mutation = useMutation({
    mutationKey,
    mutationFn: async () => {
      if (before) await before();
      return apiFetch(path, { method: 'POST' });
    },
    onSuccess: () => {
      setIsOpen(false);
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
