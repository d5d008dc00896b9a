import Link from 'next/link';
import { Brand } from '@/components/layout/brand';

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-8 px-4 py-12">
      <Brand />
      <main
        id="main"
        className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm"
      >
        <h1 className="text-xl font-semibold text-slate-900">We couldn’t find that page</h1>
        <p className="mt-2 text-slate-600">It may have moved, or you may not have access to it.</p>
        <Link
          href="/"
          className="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          Go to your home page
        </Link>
      </main>
    </div>
  );
}
