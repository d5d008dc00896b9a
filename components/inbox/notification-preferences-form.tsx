'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CheckboxField, SelectField, TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton, useBoundForm } from '@/components/forms/schema-form';
import { SuccessNotice } from '@/components/forms/success-notice';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { NotificationPreferences, NotificationKind } from '@/lib/schemas/notifications';
import { NOTIFICATION_KIND_WORDS, PATIENT_KIND_WORDS } from '@/lib/schemas/notifications-values';

type Delivery = 'app' | 'email' | 'digest';

/** What the fields hold: the schema's own paths where a field shows the schema's error. */
type Values = {
  delivery: Record<string, Delivery>;
  quiet: boolean;
  quietHours: { start: string; end: string };
  timeZone: string;
};

function deliveryOf(preferences: NotificationPreferences, kind: NotificationKind): Delivery {
  if (preferences.emailKinds.includes(kind)) return 'email';
  if (preferences.digestKinds.includes(kind)) return 'digest';
  return 'app';
}

function valuesOf(preferences: NotificationPreferences, kinds: NotificationKind[]): Values {
  return {
    delivery: Object.fromEntries(kinds.map((kind) => [kind, deliveryOf(preferences, kind)])),
    quiet: preferences.quietHours !== null,
    quietHours: preferences.quietHours ?? { start: '21:00', end: '07:00' },
    timeZone: preferences.timeZone,
  };
}

/** One kind's choice: in the app only, an email at once, or counted in the daily summary. */
function KindChoice({ kind, label }: { kind: NotificationKind; label: string }) {
  const form = useBoundForm();
  const name = `delivery.${kind}`;
  const id = `${form.id}-delivery-${kind}`;
  const choices: [Delivery, string][] = [
    ['app', 'In the app only'],
    ['email', 'Email at once'],
    ['digest', 'Daily email summary'],
  ];
  return (
    <fieldset className="py-3">
      <legend className="text-sm font-medium text-slate-900">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-6">
        {choices.map(([value, words]) => (
          <label
            key={value}
            htmlFor={`${id}-${value}`}
            className="flex min-h-11 items-center gap-2 text-sm"
          >
            <input
              id={`${id}-${value}`}
              type="radio"
              value={value}
              className="size-4 accent-teal-700"
              {...form.register(name)}
            />
            {words}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Per kind: in the app only, an email at once, or the daily summary. */
function KindsSection({
  kinds,
  words,
}: {
  kinds: NotificationKind[];
  words: (kind: NotificationKind) => string;
}) {
  return (
    <section aria-labelledby="kinds-heading" className="space-y-2">
      <h2 id="kinds-heading" className="text-lg font-semibold text-slate-900">
        What reaches you
      </h2>
      <p className="max-w-prose text-sm text-slate-600">
        Everything appears in your Triad inbox. You can also get an email at once, or one summary
        email a day at 7:00 in your time zone saying how many new items are waiting. An email never
        includes health details, only that something is waiting for you in Triad.
      </p>
      {kinds.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing is sent to your role yet.</p>
      ) : (
        <div className="divide-y divide-slate-200">
          {kinds.map((kind) => (
            <KindChoice key={kind} kind={kind} label={words(kind)} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Quiet hours (shown when on) and the time zone they are read in. */
function QuietHoursSection({
  quiet,
  forPatient,
  zones,
}: {
  quiet: boolean;
  forPatient: boolean;
  zones: string[];
}) {
  return (
    <section aria-labelledby="quiet-heading" className="space-y-4">
      <h2 id="quiet-heading" className="text-lg font-semibold text-slate-900">
        Quiet hours
      </h2>
      <CheckboxField
        name="quiet"
        label="Hold emails during quiet hours"
        hint={
          forPatient
            ? 'Emails wait until your quiet hours end.'
            : 'Emails wait until your quiet hours end. Urgent safety items are always emailed at once, quiet hours or not.'
        }
      />
      {quiet ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="quietHours.start" label="From" type="time" />
          <TextField name="quietHours.end" label="Until" type="time" />
        </div>
      ) : null}
      <SelectField
        name="timeZone"
        label="Your time zone"
        hint="Quiet hours, the daily summary and reminders follow this time zone."
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
    </section>
  );
}

/**
 * The person's own preferences: per kind, in the app only, an email at once or the daily summary;
 * quiet hours; their time zone.
 */
export function NotificationPreferencesForm({
  initial,
  kinds,
  forPatient,
  timeZones,
}: {
  initial: NotificationPreferences;
  /** The kinds this person can receive, in the order shown. */
  kinds: NotificationKind[];
  forPatient: boolean;
  /** The IANA zones to choose from (the server's list, so the first paint matches). */
  timeZones: string[];
}) {
  const [saved, setSaved] = useState(false);
  // Kinds chosen before that this form does not show are kept as they are.
  const kept = initial.emailKinds.filter((kind) => !kinds.includes(kind));
  const keptDigest = initial.digestKinds.filter((kind) => !kinds.includes(kind));
  const form = useSchemaForm(
    () => import('@/lib/schemas/notifications').then((m) => m.NotificationPreferences),
    {
      defaultValues: valuesOf(initial, kinds),
      toInput: (values: Values) => ({
        emailKinds: [...kept, ...kinds.filter((kind) => values.delivery[kind] === 'email')],
        digestKinds: [...keptDigest, ...kinds.filter((kind) => values.delivery[kind] === 'digest')],
        quietHours: values.quiet ? values.quietHours : null,
        timeZone: values.timeZone,
      }),
    },
  );
  const quiet = form.watch('quiet');
  const mutation = useMutation({
    mutationKey: queryKeys.notifications.savePreferences,
    mutationFn: (body: NotificationPreferences) =>
      apiFetch<NotificationPreferences>('/api/v1/me/notification-preferences', {
        method: 'PUT',
        body,
      }),
    onSuccess: (answer) => {
      setSaved(true);
      form.reset(valuesOf(answer, kinds));
    },
    onError: form.showProblem,
  });
  const zones = timeZones.includes(initial.timeZone) ? timeZones : [initial.timeZone, ...timeZones];
  const words = (kind: NotificationKind) =>
    (forPatient ? PATIENT_KIND_WORDS[kind] : undefined) ?? NOTIFICATION_KIND_WORDS[kind];

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      onSubmit={(body) => {
        setSaved(false);
        mutation.mutate(body);
      }}
      className="space-y-8"
    >
      <SuccessNotice>{saved ? 'Your notification settings are saved.' : null}</SuccessNotice>
      <KindsSection kinds={kinds} words={words} />
      <QuietHoursSection quiet={quiet} forPatient={forPatient} zones={zones} />
      <SubmitButton pendingLabel="Saving…">Save notification settings</SubmitButton>
    </SchemaForm>
  );
}
