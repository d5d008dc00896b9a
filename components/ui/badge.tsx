import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'teal' | 'amber' | 'orange' | 'rose';

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300',
  teal: 'bg-teal-50 text-teal-900 ring-teal-200',
  amber: 'bg-amber-50 text-amber-900 ring-amber-300',
  orange: 'bg-orange-50 text-orange-900 ring-orange-300',
  rose: 'bg-rose-50 text-rose-900 ring-rose-300',
};

/**
 * A short label. Colour only reinforces the words; it never carries meaning alone. `wrap` lets
 * words that may be long (a prescriber's free text) break onto more lines on a narrow screen.
 */
export function Badge({
  tone = 'neutral',
  wrap = false,
  children,
}: {
  tone?: BadgeTone;
  wrap?: boolean;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center px-2.5 py-0.5 text-xs font-medium ${wrap ? 'rounded-xl' : 'rounded-full whitespace-nowrap'} ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
