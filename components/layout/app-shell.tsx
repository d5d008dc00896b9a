import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { CrisisLine } from '@/components/layout/crisis-line';
import { PatientTabBar } from '@/components/layout/patient-tab-bar';
import { SkipLink } from '@/components/layout/skip-link';
import type { Role } from '@/lib/auth/viewer';

/**
 * Every signed-in page: skip link, header, and the main landmark the skip link targets; on a
 * patient's phone the tab bar, with room kept below the footer so it never covers the page.
 */
export function AppShell({
  name,
  role,
  children,
}: {
  name: string;
  role: Role;
  children: ReactNode;
}) {
  const isPatient = role === 'PATIENT';
  return (
    <div
      className={`flex min-h-dvh flex-col ${
        isPatient ? 'pb-[calc(3.5rem+1px+env(safe-area-inset-bottom))] sm:pb-0 print:pb-0' : ''
      }`}
    >
      <SkipLink />
      <div className="print:hidden">
        <AppHeader name={name} role={role} />
      </div>
      {/* At least a screen tall, so the footer starts below the fold: a loading skeleton or a
          list that fills in after the first paint then never pushes it down the screen (a
          layout shift of 0.06 on every short first paint otherwise). */}
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto min-h-dvh outline-none w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-10"
      >
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <CrisisLine className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-700 sm:px-6" />
      </footer>
      {isPatient ? <PatientTabBar /> : null}
    </div>
  );
}
