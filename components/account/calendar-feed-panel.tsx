'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyField } from '@/components/ui/copy-field';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, problemMessage } from '@/lib/api-client';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@/lib/schemas/appointments';

const FEED = '/api/v1/me/calendar-feed';

/**
 * The clinician's private calendar link: whether it is on, a new link (shown once, to copy; the
 * old one stops working), and turning it off after a confirmation.
 */
export function CalendarFeedPanel({ initial }: { initial: CalendarFeedStatus }) {
  const router = useRouter();
  // The new link, and whether it replaced one (said once, whatever the refreshed status says).
  const [created, setCreated] = useState<{ url: string; replacedOld: boolean } | null>(null);
  const create = useMutation({
    mutationKey: ['me', 'calendar-feed', 'create'],
    mutationFn: () => apiFetch<CalendarFeedCreated>(FEED, { method: 'POST' }),
    onSuccess: (feed) => {
      setCreated({ url: feed.url, replacedOld: initial.active });
      router.refresh();
    },
  });
  const active = initial.active || created !== null;

  return (
    <div className="space-y-5">
      <FeedStatusLine status={initial} fresh={created !== null} />
      {created ? <NewLink {...created} /> : null}
      <FormAlert
        id="calendar-feed-alert"
        messages={create.isError ? [problemMessage(create.error)] : []}
      />
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending
            ? 'Making a link…'
            : active
              ? 'Make a new link'
              : 'Create a calendar link'}
        </Button>
        {active ? <TurnOffButton onDone={() => setCreated(null)} /> : null}
      </div>
      {active ? (
        <p className="text-sm text-slate-600">
          Making a new link stops the old one from working: use it if the link was shared by
          mistake.
        </p>
      ) : null}
    </div>
  );
}

/** Whether the link is on, when it was made and last read. */
function FeedStatusLine({ status, fresh }: { status: CalendarFeedStatus; fresh: boolean }) {
  return (
    <div role="status" aria-live="polite" className="text-slate-800">
      {status.active || fresh ? (
        <p>
          <strong>Your calendar link is on.</strong>{' '}
          {status.createdAt && !fresh ? (
            <>
              Made <LocalDateTime iso={status.createdAt} withRelative={false} />.{' '}
              {status.lastFetchedAt ? (
                <>
                  Last read by a calendar <LocalDateTime iso={status.lastFetchedAt} />.
                </>
              ) : (
                'No calendar has read it yet.'
              )}
            </>
          ) : null}
        </p>
      ) : (
        <p>
          <strong>You have no calendar link.</strong> Nothing about your visits leaves Triad.
        </p>
      )}
    </div>
  );
}

/** The new link, this once, to copy. */
function NewLink({ url, replacedOld }: { url: string; replacedOld: boolean }) {
  return (
    <div className="space-y-2 rounded-lg border border-teal-200 bg-teal-50 p-4">
      <CopyField label="Your calendar link" value={url} />
      <p className="text-sm text-slate-800">
        Copy it now: it is shown only this once. In your calendar app, add a calendar “from URL”
        (subscribe) and paste it. Keep it private: anyone with it can see your visit times and your
        patients’ initials.{replacedOld ? ' Your old link has stopped working.' : ''}
      </p>
    </div>
  );
}

/** "Turn off", after a confirmation. */
function TurnOffButton({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const turnOff = useMutation({
    mutationKey: ['me', 'calendar-feed', 'revoke'],
    mutationFn: () => apiFetch(FEED, { method: 'DELETE' }),
    onSuccess: () => {
      setConfirming(false);
      onDone();
      router.refresh();
    },
  });
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          turnOff.reset();
          setConfirming(true);
        }}
      >
        Turn off
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Turn off your calendar link?"
        confirmLabel="Turn off"
        pendingLabel="Turning off…"
        isPending={turnOff.isPending}
        error={turnOff.isError ? problemMessage(turnOff.error) : null}
        onConfirm={() => turnOff.mutate()}
        onCancel={() => setConfirming(false)}
      >
        Calendars that use the link stop getting your visits. You can make a new link later.
      </ConfirmDialog>
    </>
  );
}
