import type { ReactNode } from 'react';

/** The page's one h1 and a sentence of context under it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 sm:mb-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {children ? <div className="mt-2 max-w-prose text-slate-600">{children}</div> : null}
    </div>
  );
}
