'use client';

import Link from 'next/link';

export default function SignedInError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm"
    >
      <h1 className="text-xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        We couldn’t load this page. Please try again in a moment.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          Try again
        </button>
        <Link
          href="/"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Go to your home page
        </Link>
      </div>
    </div>
  );
}
