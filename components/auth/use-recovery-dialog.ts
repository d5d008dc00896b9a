'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { setSessionRecovery } from '@/lib/api-client';

/**
 * When the session ends while someone works: apiFetch (lib/api-client.ts) asks here, the dialog
 * opens as a modal with focus on `initialFocus`, and every request that met the ended session waits
 * until `close` says whether the same account signed in again. The answer is given once the dialog
 * has closed and focus has gone back, so a form's own reaction (its alert taking focus) comes after.
 */
export function useRecoveryDialog(initialFocus: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<((signedIn: boolean) => void)[]>([]);
  const outcome = useRef(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  const release = useCallback((signedIn: boolean) => {
    const resolvers = waiting.current;
    waiting.current = [];
    for (const resolve of resolvers) resolve(signedIn);
  }, []);

  useEffect(() => {
    setSessionRecovery(
      () =>
        new Promise<boolean>((resolve) => {
          waiting.current.push(resolve);
          outcome.current = false;
          setOpen(true);
        }),
    );
    return () => {
      setSessionRecovery(null);
      release(false);
    };
  }, [release]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      initialFocus.current?.focus();
    } else if (!open) {
      if (dialog.open) {
        dialog.close();
        returnFocusTo.current?.focus();
      }
      release(outcome.current);
    }
  }, [open, release, initialFocus]);

  const close = useCallback((signedIn: boolean) => {
    outcome.current = signedIn;
    setOpen(false);
  }, []);

  return { open, dialogRef, close };
}
