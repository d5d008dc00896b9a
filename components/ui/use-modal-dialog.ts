'use client';

import { useEffect, useRef, type RefObject } from 'react';

/**
 * A native `<dialog>` shown as a modal while `open` is true: showModal() traps focus and makes the
 * page behind it inert; focus goes to `initialFocus` (if given) on opening and returns to what had it
 * before on closing. `onHidden` runs each time the effect sees it closed (pass a stable callback).
 */
export function useModalDialog(
  open: boolean,
  initialFocus?: RefObject<HTMLElement | null>,
  onHidden?: () => void,
) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      initialFocus?.current?.focus();
    } else if (!open) {
      if (dialog.open) {
        dialog.close();
        returnFocusTo.current?.focus();
      }
      onHidden?.();
    }
  }, [open, initialFocus, onHidden]);

  return dialogRef;
}
