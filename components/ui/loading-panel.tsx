/** A calm placeholder while a page's data loads; announced once to screen readers. */
export function LoadingPanel({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="motion-safe:animate-pulse">
        <div className="mb-8 h-8 w-48 rounded-md bg-slate-200" />
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-6">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="h-5 rounded bg-slate-100" />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * The placeholder of a page made of a PageHeader and a stack of Cards, in their sizes (title line
 * heights, paddings, gaps), so that the page replacing it lands where the placeholder was.
 */
export function LoadingCards({
  label,
  introLines = 1,
  cards,
}: {
  label: string;
  introLines?: number;
  /** The content rows of each card, top to bottom. */
  cards: number[];
}) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="motion-safe:animate-pulse">
        <div className="mb-6 sm:mb-8">
          <div className="my-1 h-6 w-40 rounded-md bg-slate-200 sm:h-7" />
          <div className="mt-2 max-w-prose space-y-2">
            {Array.from({ length: introLines }, (_, i) => (
              <div key={i} className="my-1 h-4 rounded bg-slate-100" />
            ))}
          </div>
        </div>
        <div className="space-y-6">
          {cards.map((rows, i) => (
            <CardSkeleton key={i} rows={rows} />
          ))}
        </div>
      </div>
    </div>
  );
}

function CardSkeleton({ rows }: { rows: number }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-200 px-5 py-4 sm:px-6">
        <div className="my-1 h-5 w-48 rounded bg-slate-200" />
        <div className="mt-2 h-4 w-72 max-w-full rounded bg-slate-100" />
      </div>
      <div className="space-y-3 px-5 py-4 sm:px-6 sm:py-5">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-5 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
