'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { RadioCardsField, TextAreaField, TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { ApiProblem, apiFetch, problemMessage } from '@/lib/api-client';
import type {
  Appointment,
  AppointmentCancel,
  AppointmentChange,
  AppointmentScope,
} from '@/lib/schemas/appointments';
import { wallClock, zonedInstant } from '@/lib/zoned-time';

/** What a 412 means to the person who pressed the button. */
export const STALE_MESSAGE =
  'This visit changed since you loaded it. Reload the page to see the change, then try again.';

const SCOPE_CHOICES = [
  { value: 'THIS', label: 'This visit', hint: 'Only this visit changes.' },
  {
    value: 'FOLLOWING',
    label: 'This and following',
    hint: 'This visit and the later scheduled visits of the series.',
  },
] as const satisfies readonly { value: AppointmentScope; label: string; hint: string }[];

function pathOf(appointment: Appointment, suffix = ''): `/api/v1/${string}` {
  return `/api/v1/appointments/${encodeURIComponent(appointment.id)}${suffix}`;
}

/** PATCH or POST with If-Match on the version the page loaded. */
function send(appointment: Appointment, suffix: string, method: 'PATCH' | 'POST', body: unknown) {
  return apiFetch<Appointment>(pathOf(appointment, suffix), {
    method,
    body,
    headers: { 'If-Match': `"${appointment.version}"` },
  });
}

function isStale(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 412;
}

/**
 * Schedulers (clinicians on the team and admins): move a visit along (check in, completed,
 * no-show), reschedule it, or cancel it after confirming. Every change is sent with If-Match on
 * the version on screen; a 412 says the visit changed since it was loaded.
 */
export function AppointmentActions({
  appointment,
  timeZone,
}: {
  appointment: Appointment;
  timeZone: string;
}) {
  const open = appointment.status === 'SCHEDULED' || appointment.status === 'CHECKED_IN';
  if (!open) {
    return (
      <p className="text-sm text-slate-700">
        This visit is {appointment.status === 'COMPLETED' ? 'completed' : 'closed'}: it can no
        longer be changed.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <StatusButtons appointment={appointment} />
      <RescheduleForm appointment={appointment} timeZone={timeZone} />
      <CancelVisit appointment={appointment} />
    </div>
  );
}

function StatusButtons({ appointment }: { appointment: Appointment }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (status: 'CHECKED_IN' | 'COMPLETED' | 'NO_SHOW') =>
      send(appointment, '', 'PATCH', { status }),
    onSuccess: () => router.refresh(),
  });
  const error = mutation.isError
    ? isStale(mutation.error)
      ? STALE_MESSAGE
      : problemMessage(mutation.error)
    : null;
  const busy = mutation.isPending;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {appointment.status === 'SCHEDULED' ? (
          <Button variant="secondary" disabled={busy} onClick={() => mutation.mutate('CHECKED_IN')}>
            Check in
          </Button>
        ) : null}
        <Button disabled={busy} onClick={() => mutation.mutate('COMPLETED')}>
          Mark completed
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => mutation.mutate('NO_SHOW')}>
          Mark no-show
        </Button>
      </div>
      <div role="alert" className="empty:hidden">
        {error ? (
          <div className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>{error}</p>
            {isStale(mutation.error) ? <ReloadButton /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function ReloadButton() {
  return (
    <Button variant="secondary" className="px-3 py-1.5" onClick={() => window.location.reload()}>
      Reload
    </Button>
  );
}

type RescheduleValues = { startsAt: string; durationMinutes: string; scope: AppointmentScope };

/** `YYYY-MM-DDTHH:MM` (a datetime-local value) on `timeZone`'s clock. */
function localInput(iso: string, timeZone: string): string {
  const clock = wallClock(timeZone, new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${clock.date}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** A datetime-local value read on `timeZone`'s clock, as the ISO instant the API takes. */
function instantOf(value: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return value;
  return zonedInstant(timeZone, match[1]!, Number(match[2]), Number(match[3])).toISOString();
}

function RescheduleForm({ appointment, timeZone }: { appointment: Appointment; timeZone: string }) {
  const router = useRouter();
  const headingId = useId();
  const form = useSchemaForm(
    () => import('@/lib/schemas/appointments').then((m) => m.AppointmentChange),
    {
      defaultValues: {
        startsAt: localInput(appointment.startsAt, timeZone),
        durationMinutes: String(appointment.durationMinutes),
        scope: 'THIS',
      } as RescheduleValues,
      toInput: (values) => ({
        startsAt: instantOf(values.startsAt, timeZone),
        durationMinutes:
          values.durationMinutes === '' ? Number.NaN : Number(values.durationMinutes),
        ...(appointment.series ? { scope: values.scope } : {}),
      }),
    },
  );
  const mutation = useMutation({
    mutationFn: (body: AppointmentChange) => send(appointment, '', 'PATCH', body),
    onSuccess: () => router.refresh(),
    onError: (error) =>
      isStale(error) ? form.setSummary([STALE_MESSAGE]) : form.showProblem(error),
  });
  return (
    <SchemaForm
      form={form}
      mutation={mutation}
      className="space-y-4 border-t border-slate-200 pt-5"
      aria-labelledby={headingId}
      intro={
        <h3 id={headingId} className="font-semibold text-slate-900">
          Reschedule
        </h3>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsAt"
          type="datetime-local"
          label="New date and time"
          hint={`On your clock (${timeZone.replaceAll('_', ' ')}).`}
        />
        <TextField
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          label="Length in minutes"
          min={10}
          step={5}
        />
      </div>
      {appointment.series ? (
        <RadioCardsField
          name="scope"
          legend="Which visits move"
          choices={SCOPE_CHOICES}
          columns="sm:grid-cols-2"
        />
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Reschedule
      </SubmitButton>
    </SchemaForm>
  );
}

function CancelVisit({ appointment }: { appointment: Appointment }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const dialogRef = useModalDialog(isOpen);
  const titleId = useId();
  const form = useSchemaForm(
    () => import('@/lib/schemas/appointments').then((m) => m.AppointmentCancel),
    {
      defaultValues: { reason: '', scope: 'THIS' as AppointmentScope },
      toInput: (values) => ({
        reason: values.reason,
        ...(appointment.series ? { scope: values.scope } : {}),
      }),
    },
  );
  const mutation = useMutation({
    mutationFn: (body: AppointmentCancel) => send(appointment, '/cancel', 'POST', body),
    onSuccess: () => {
      setIsOpen(false);
      router.refresh();
    },
    onError: (error) =>
      isStale(error) ? form.setSummary([STALE_MESSAGE]) : form.showProblem(error),
  });
  return (
    <div className="border-t border-slate-200 pt-5">
      <Button
        variant="secondary"
        onClick={() => {
          form.reset();
          form.setSummary([]);
          setIsOpen(true);
        }}
      >
        Cancel visit
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onCancel={(event) => {
          event.preventDefault();
          if (!mutation.isPending) setIsOpen(false);
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="px-5 py-5 sm:px-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            Cancel this visit?
          </h2>
          <p className="mt-2 text-sm text-slate-700">
            The patient is told it is cancelled. A cancelled visit cannot be brought back: book a
            new one instead.
          </p>
          <SchemaForm form={form} mutation={mutation} className="mt-4 space-y-4">
            <TextAreaField name="reason" label="Reason" rows={3} />
            {appointment.series ? (
              <RadioCardsField name="scope" legend="Which visits" choices={SCOPE_CHOICES} />
            ) : null}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button
                variant="secondary"
                autoFocus
                disabled={mutation.isPending}
                onClick={() => setIsOpen(false)}
              >
                Keep the visit
              </Button>
              <SubmitButton variant="danger" pendingLabel="Cancelling…">
                Cancel visit
              </SubmitButton>
            </div>
          </SchemaForm>
        </div>
      </dialog>
    </div>
  );
}
