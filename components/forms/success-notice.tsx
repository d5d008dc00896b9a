import type { ReactNode } from 'react';

/**
 * What a form says once it succeeded. The live region is always in the page, so a message put
 * into it is announced; with nothing to say it renders empty.
 */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      {children ? (
        <p className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900">
          {children}
        </p>
      ) : null}
    </div>
  );
}
