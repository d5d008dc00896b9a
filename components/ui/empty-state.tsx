import type { ReactNode } from 'react';

/** What to show when a list has nothing in it yet, and what happens next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-5 py-8 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? (
        <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600">{children}</div>
      ) : null}
    </div>
  );
}
