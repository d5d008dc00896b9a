import type { ReactNode } from 'react';

/** A polite live region under an action, saying how it went; keeps its height when empty. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="min-h-5 text-sm text-slate-700">
      {children}
    </p>
  );
}
