'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
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

  const answer = useCallback(() => release(outcome.current), [release]);
  const dialogRef = useModalDialog(open, initialFocus, answer);

  const close = useCallback((signedIn: boolean) => {
    outcome.current = signedIn;
    setOpen(false);
  }, []);

  return { open, dialogRef, close };
}
