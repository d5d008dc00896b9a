'use client';

import { useEffect, useId, useRef } from 'react';
import { PlanDiffView } from '@/components/treatment-plan/plan-diff-view';
import { Button } from '@/components/ui/button';
import type { PlanVersion } from '@/lib/schemas/treatment-plan';
import type { Conflict } from './use-plan-save';

/** Someone saved a version while this editor was open: what they changed, and the two ways on. */
export function PlanConflict({
  conflict,
  base,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  base: PlanVersion | null;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [conflict]);
  const { current, diff } = conflict;
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h3 id={id} ref={heading} tabIndex={-1} className="font-semibold text-amber-950">
        {current.author.name} saved version {current.version} while you were editing
      </h3>
      <p className="text-sm text-amber-950">
        Your changes are not saved yet.{' '}
        {base
          ? `Here is what changed between version ${base.version}, where you started, and version ${current.version}:`
          : 'They wrote the first version of the plan.'}
      </p>
      {diff ? (
        <div className="rounded-md bg-white p-3">
          <PlanDiffView diff={diff} />
        </div>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button onClick={onReapply}>Reapply my changes to version {current.version}</Button>
        <Button variant="secondary" onClick={onDiscard}>
          Discard my changes
        </Button>
      </div>
    </section>
  );
}
