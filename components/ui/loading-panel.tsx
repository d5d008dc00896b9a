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
