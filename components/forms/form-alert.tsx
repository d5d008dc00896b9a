'use client';

import { useEffect, useRef } from 'react';

/**
 * The form's summary of what went wrong that is not about one field. The live region is always in
 * the page, so a message put into it is announced. Each new set of messages is scrolled into view
 * and takes focus, so a person who pressed a button at the bottom of a long form sees it (and a
 * screen reader's focus lands on it) instead of an error at the top, off screen.
 */
export function FormAlert({ messages, id }: { messages: string[]; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const alert = ref.current;
    if (!alert || messages.length === 0) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    alert.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    alert.focus({ preventScroll: true });
  }, [messages]);

  return (
    <div
      ref={ref}
      role="alert"
      id={id}
      aria-atomic="true"
      tabIndex={messages.length > 0 ? -1 : undefined}
      className="scroll-mt-4 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
    >
      {messages.length > 0 ? (
        <div className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {messages.length === 1 ? (
            <p>{messages[0]}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {messages.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
