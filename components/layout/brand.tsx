import Link from 'next/link';

/** The product's name and mark, linking home. */
export function Brand() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-slate-900"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-teal-700">
        <circle cx="12" cy="6" r="4" fill="currentColor" />
        <circle cx="6" cy="17" r="4" fill="currentColor" opacity="0.7" />
        <circle cx="18" cy="17" r="4" fill="currentColor" opacity="0.45" />
      </svg>
      Triad
    </Link>
  );
}
