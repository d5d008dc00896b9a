import Link from 'next/link';

/** Where a patient goes after saving a check-in or a questionnaire: their trends, or My care. */
export function AfterSavingLinks({ trends, className }: { trends: string; className: string }) {
  return (
    <p className={className}>
      <Link href="/my-care/trends" className="font-medium underline">
        {trends}
      </Link>{' '}
      or{' '}
      <Link href="/my-care" className="font-medium underline">
        go back to My care
      </Link>
      .
    </p>
  );
}
