import type { ReactNode } from 'react';
import { CrisisLine } from '@/components/layout/crisis-line';

/** A page shown before sign-in: the brand, one card with its heading and intro, the crisis line. */
export function PublicCardPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 text-slate-900">
      <main className="flex flex-1 items-center justify-center px-4 py-10 sm:px-6">
        <div className="w-full max-w-md">
          <p className="mb-6 text-center text-lg font-semibold tracking-tight text-teal-800">
            Triad
          </p>
          <div className="rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            <p className="mt-2 text-sm text-slate-600">{intro}</p>
            {children}
          </div>
        </div>
      </main>
      <footer className="px-4 pb-8 text-center text-sm text-slate-700 sm:px-6">
        <CrisisLine className="mx-auto max-w-md" />
      </footer>
    </div>
  );
}
