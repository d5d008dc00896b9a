'use client';

import { useEffect, useState } from 'react';

/** Today as the reader's calendar has it, e.g. "2026-03-14" (the date a page is printed). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Who a printed chart is about, on every printed page: hidden on screen; in print, fixed at the
 * top, which Chromium repeats on each page. The date is taken again as printing starts, so a tab
 * left open overnight prints today's date.
 */
export function ChartPrintHeader({ name, dateOfBirth }: { name: string; dateOfBirth: string }) {
  const [printedOn, setPrintedOn] = useState<string | null>(null);
  useEffect(() => {
    const stamp = () => setPrintedOn(today());
    stamp();
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  return (
    <div
      data-testid="chart-print-header"
      className="hidden print:fixed print:inset-x-0 print:top-0 print:flex print:justify-between print:border-b print:border-slate-400 print:bg-white print:py-1 print:text-xs print:text-slate-900"
    >
      <span>
        <strong>{name}</strong> · born {dateOfBirth}
      </span>
      {/* The date after hydration only: the server's today (in its zone) need not be the reader's. */}
      <span>Printed {printedOn} · Triad chart summary · confidential</span>
    </div>
  );
}

/** Prints the chart page (the print stylesheet hides navigation and adds the header). */
export function PrintSummaryButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 print:hidden"
    >
      Print summary
    </button>
  );
}
