'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { Options, SelectField, TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton, useBoundForm } from '@/components/forms/schema-form';
import { useCreateForm } from '@/components/forms/use-schema-form';
import { apiQuery } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Appointment } from '@/lib/schemas/appointments';
import {
  APPOINTMENT_KIND_WORDS,
  APPOINTMENT_MODALITY_WORDS,
  MAX_OCCURRENCES,
} from '@/lib/schemas/appointments-values';
import { APPOINTMENT_KINDS, APPOINTMENT_MODALITIES } from '@/lib/schemas/enums';
import type { PatientProfile } from '@/lib/schemas/patients';
import { zonedInstant } from '@/lib/zoned-time';

export type PatientOption = { id: string; name: string };

type Values = {
  patientId: string;
  clinicianId: string;
  /** `YYYY-MM-DDTHH:MM` on the booker's clock (a datetime-local input). */
  startsAt: string;
  durationMinutes: string;
  kind: string;
  modality: string;
  location: string;
  videoUrl: string;
  repeat: { frequency: string; end: string; until: string; count: string };
};

const LENGTHS = [20, 30, 45, 50, 60, 90];

/** The instant a `YYYY-MM-DDTHH:MM` reads on `timeZone`'s clock, or the text itself when it is not one. */
export function localToInstant(local: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  return zonedInstant(timeZone, match[1]!, Number(match[2]), Number(match[3])).toISOString();
}

function toInput(values: Values, timeZone: string) {
  const { repeat } = values;
  return {
    patientId: values.patientId,
    clinicianId: values.clinicianId,
    startsAt: localToInstant(values.startsAt, timeZone),
    durationMinutes: Number(values.durationMinutes),
    kind: values.kind,
    modality: values.modality,
    location: values.modality === 'IN_PERSON' ? values.location.trim() || undefined : undefined,
    videoUrl: values.modality === 'VIDEO' ? values.videoUrl.trim() || undefined : undefined,
    timeZone,
    repeat: repeat.frequency
      ? {
          frequency: repeat.frequency,
          ...(repeat.end === 'until'
            ? { until: repeat.until }
            : { count: repeat.count === '' ? Number.NaN : Number(repeat.count) }),
        }
      : undefined,
  };
}

/**
 * Books a visit (or a series): the patient, a clinician of their active care team, when (on the
 * booker's clock, sent as an instant), how long, what kind, where, and whether it repeats. A 409
 * (the clinician is already booked then) shows next to the start field; a booked visit opens its
 * page.
 */
export function BookingForm({
  patients,
  initialPatientId,
  timeZone,
}: {
  patients: PatientOption[];
  initialPatientId?: string;
  timeZone: string;
}) {
  const router = useRouter();
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/appointments').then((m) => m.AppointmentInput),
    '/api/v1/appointments',
    {
      defaultValues: {
        patientId: initialPatientId ?? '',
        clinicianId: '',
        startsAt: '',
        durationMinutes: '50',
        kind: 'THERAPY',
        modality: 'IN_PERSON',
        location: '',
        videoUrl: '',
        repeat: { frequency: '', end: 'count', until: '', count: '6' },
      } satisfies Values,
      toInput: (values: Values) => toInput(values, timeZone),
      keepValues: true,
      mutationKey: queryKeys.appointments.book(),
      onCreated: (created: Appointment) => router.push(`/appointments/${created.id}`),
    },
  );
  const zone = timeZone.replaceAll('_', ' ');

  return (
    <SchemaForm form={form} mutation={mutation} aria-label="Book a visit">
      <WhoFields patients={patients} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsAt"
          type="datetime-local"
          label="Date and time"
          hint={`Your time zone, ${zone}.`}
        />
        <SelectField name="durationMinutes" label="Length">
          {LENGTHS.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes} minutes
            </option>
          ))}
        </SelectField>
      </div>
      <WhatFields />
      <RepeatFields />
      <SubmitButton pendingLabel="Booking…">Book the visit</SubmitButton>
    </SchemaForm>
  );
}

/** The patient, then a clinician of their active care team (read from the patient's profile). */
function WhoFields({ patients }: { patients: PatientOption[] }) {
  const form = useBoundForm();
  const patientId = useWatch({ control: form.control, name: 'patientId' }) as string;
  const profile = useQuery({
    queryKey: queryKeys.appointments.careTeam(patientId),
    queryFn: apiQuery<PatientProfile>(`/api/v1/patients/${encodeURIComponent(patientId)}`),
    enabled: patientId !== '',
  });
  const team = (profile.data?.careTeam ?? []).filter((m) => m.isActive && m.endedAt === null);
  // Another patient, another care team: the clinician is chosen again.
  const { setValue } = form;
  useEffect(() => {
    setValue('clinicianId', '');
  }, [patientId, setValue]);
  return (
    <>
      <SelectField name="patientId" label="Patient">
        <option value="">Choose a patient</option>
        {patients.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="clinicianId"
        label="Clinician"
        hint={
          patientId === ''
            ? 'Choose the patient first: a visit is with someone on their care team.'
            : profile.isPending
              ? 'Loading the care team…'
              : team.length === 0
                ? 'No one is on this patient’s care team yet.'
                : 'Someone on the patient’s care team.'
        }
        disabled={patientId === '' || team.length === 0}
      >
        <option value="">Choose a clinician</option>
        {team.map((m) => (
          <option key={m.clinicianId} value={m.clinicianId}>
            {m.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** The kind of visit and where it happens. */
function WhatFields() {
  const form = useBoundForm();
  const modality = useWatch({ control: form.control, name: 'modality' }) as string;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" label="Kind of visit">
          <Options values={APPOINTMENT_KINDS} labels={APPOINTMENT_KIND_WORDS} />
        </SelectField>
        <SelectField name="modality" label="How">
          <Options values={APPOINTMENT_MODALITIES} labels={APPOINTMENT_MODALITY_WORDS} />
        </SelectField>
      </div>
      {modality === 'IN_PERSON' ? (
        <TextField name="location" label="Where" hint="A room or an address." />
      ) : null}
      {modality === 'VIDEO' ? (
        <TextField
          name="videoUrl"
          type="url"
          label="Video link"
          hint="The https:// link the patient opens to join."
        />
      ) : null}
    </>
  );
}

/** Whether it repeats, and until when. */
function RepeatFields() {
  const form = useBoundForm();
  const [frequency, end] = useWatch({
    control: form.control,
    name: ['repeat.frequency', 'repeat.end'],
  }) as [string, string];
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold text-slate-900">Repeat</legend>
      <SelectField name="repeat.frequency" label="Repeats">
        <option value="">Does not repeat</option>
        <option value="WEEKLY">Every week</option>
        <option value="BIWEEKLY">Every two weeks</option>
      </SelectField>
      {frequency ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="repeat.end" label="Ends">
            <option value="count">After a number of visits</option>
            <option value="until">On a date</option>
          </SelectField>
          {end === 'until' ? (
            <TextField name="repeat.until" type="date" label="Last date" />
          ) : (
            <TextField
              name="repeat.count"
              type="number"
              inputMode="numeric"
              min={2}
              max={MAX_OCCURRENCES}
              label="Number of visits"
              hint={`From 2 to ${MAX_OCCURRENCES}, this one included.`}
            />
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
