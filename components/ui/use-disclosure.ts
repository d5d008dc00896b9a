'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A button that shows and hides a panel of links (the disclosure pattern of navigation menus):
 * opening moves focus to the panel's first link; Escape closes it and returns focus to the button;
 * so do a click or focus outside `containerRef`, following a link, and any change of page.
 */
export function useDisclosure<
  Container extends HTMLElement = HTMLElement,
  Button extends HTMLElement = HTMLButtonElement,
  Panel extends HTMLElement = HTMLElement,
>() {
  const pathname = usePathname();
  // Open for one page only: a new pathname closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const containerRef = useRef<Container>(null);
  const buttonRef = useRef<Button>(null);
  const panelRef = useRef<Panel>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpenOn(null);
    if (returnFocus) buttonRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpenOn((on) => (on ? null : pathname)), [pathname]);

  useEffect(() => {
    if (!isOpen) return;
    panelRef.current?.querySelector<HTMLElement>('a[href], button:not([disabled])')?.focus();
    const container = containerRef.current;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!container?.contains(event.target as Node)) close(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !container?.contains(next)) close(false);
    };
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element).closest('a[href]')) close(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    container?.addEventListener('focusout', onFocusOut);
    panelRef.current?.addEventListener('click', onClick);
    const panel = panelRef.current;
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      container?.removeEventListener('focusout', onFocusOut);
      panel?.removeEventListener('click', onClick);
    };
  }, [isOpen, close]);

  return { isOpen, toggle, close, containerRef, buttonRef, panelRef };
}
