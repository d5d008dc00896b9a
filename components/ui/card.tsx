import type { ReactNode } from 'react';

/** A titled section of a page: white surface, quiet border. */
export function Card({
  title,
  titleId,
  description,
  actions,
  children,
}: {
  title: string;
  titleId: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-5 py-4 sm:px-6">
        <div>
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {/* A div, not a p: a description may be a paragraph of its own (a note's byline), and a
              p inside a p is closed early by the HTML parser, so hydration finds another tree. */}
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        </div>
        {actions}
      </div>
      <div className="px-5 py-4 sm:px-6 sm:py-5">{children}</div>
    </section>
  );
}
