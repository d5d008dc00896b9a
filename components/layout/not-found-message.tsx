import Link from 'next/link';

/** What every "not found" page says, signed in or not: out of scope reads the same as missing. */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">We couldn’t find that page</h1>
      <p className="mt-2 text-slate-600">It may have moved, or you may not have access to it.</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
      >
        Go to your home page
      </Link>
    </>
  );
}
