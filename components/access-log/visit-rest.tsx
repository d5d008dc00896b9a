'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch, problemMessage, queryString } from '@/lib/api-client';
import type { AccessLogEntry, AccessLogPage, AccessLogVisit } from '@/lib/schemas/access-log';

/**
 * The accesses of a long visit past the ones its answer carries: the flat log of the same person,
 * a page at a time from the last one shown, back to the visit's start. On demand only, since each
 * read of the log is audited.
 */
export function useVisitRest(patientId: string, visit: AccessLogVisit) {
  const [more, setMore] = useState<AccessLogEntry[]>([]);
  const [done, setDone] = useState(visit.events.length >= visit.eventCount || !visit.personId);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function loadMore() {
    const last = more.at(-1) ?? visit.events.at(-1);
    if (!last || !visit.personId) return;
    setLoading(true);
    setError(null);
    try {
      const page = await apiFetch<AccessLogPage>(
        `/api/v1/patients/${encodeURIComponent(patientId)}/access-log${queryString({ person: visit.personId, cursor: last.id, limit: 100 })}`,
      );
      const inVisit = page.items.filter((e) => e.occurredAt >= visit.startedAt);
      setMore((shown) => [...shown, ...inVisit]);
      setDone(inVisit.length < page.items.length || page.nextCursor === null);
    } catch (failure) {
      setError(`We could not load the rest of this visit. ${problemMessage(failure)}`);
    } finally {
      setLoading(false);
    }
  }

  return { more, done, error, loading, loadMore };
}

/** The button under a long visit's accesses, and what went wrong loading them. */
export function VisitRestControl({
  rest,
  remaining,
}: {
  rest: ReturnType<typeof useVisitRest>;
  remaining: number;
}) {
  if (rest.done) return null;
  return (
    <div className="mt-2">
      <Button
        variant="secondary"
        onClick={() => void rest.loadMore()}
        disabled={rest.loading}
        aria-busy={rest.loading}
      >
        {rest.loading ? 'Loading…' : `Show the other ${remaining} accesses`}
      </Button>
      <div role="alert">
        {rest.error ? <p className="mt-2 text-sm text-red-800">{rest.error}</p> : null}
      </div>
    </div>
  );
}
