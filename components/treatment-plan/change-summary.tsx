/** The author's note on what a plan version changed, when they wrote one; each page sets its look. */
export function ChangeSummary({
  summary,
  className,
  labelClassName,
}: {
  summary: string | null | undefined;
  className: string;
  labelClassName: string;
}) {
  if (!summary) return null;
  return (
    <p className={className}>
      <span className={labelClassName}>What changed: </span>
      {summary}
    </p>
  );
}
