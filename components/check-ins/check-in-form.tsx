'use client';

import { format } from 'date-fns';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { CrisisResources } from '@/components/assessments/crisis-resources';
import { AfterSavingLinks } from '@/components/my-care/after-saving-links';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { isSuicidalitySideEffect } from '@/lib/clinical/suicidality';
import { formatDate } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import type { CheckInInput, CheckIn, CheckInResult } from '@/lib/schemas/check-ins';
import { useCreate } from '@/lib/use-create-mutation';
import { CheckInQuestions } from './check-in-questions';
import {
  checkInWords,
  fieldOf,
  initialValues,
  toInput,
  type CheckInMeasureOption,
} from './check-in-values';

const noSubscription = () => () => {};

type Props = {
  patientId: string;
  watchFor: string[];
  measures: CheckInMeasureOption[];
  recent: CheckIn[];
};

/**
 * Today's check-in, phone-first: only mood is required; everything else is one tap (or arrow
 * key) away. The day is the patient's own calendar day, known only in the browser, so the form
 * appears once the browser has said which day it is and whether today's check-in exists.
 */
export function CheckInForm(props: Props) {
  const today = useSyncExternalStore(
    noSubscription,
    () => format(new Date(), 'yyyy-MM-dd'),
    () => null,
  );
  if (!today) {
    return <div className="h-96 animate-pulse rounded-xl bg-slate-100" aria-hidden="true" />;
  }
  const existing = props.recent.find((c) => c.localDate === today) ?? null;
  return <CheckInFields {...props} today={today} existing={existing} />;
}

function CheckInFields({
  patientId,
  watchFor,
  measures,
  today,
  existing,
}: Omit<Props, 'recent'> & { today: string; existing: CheckIn | null }) {
  const router = useRouter();
  const savedRef = useRef<HTMLDivElement>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [isUpdate, setIsUpdate] = useState(existing !== null);
  // The notice takes focus once it shows (while empty it is hidden, and cannot take it).
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const form = useSchemaForm(() => import('@/lib/schemas/check-ins').then((m) => m.CheckInInput), {
    defaultValues: initialValues(existing, measures),
    toInput,
    fieldOf,
    error: checkInWords,
  });

  const mutation = useCreate<CheckInResult, CheckInInput>(
    `/api/v1/patients/${encodeURIComponent(patientId)}/check-ins`,
    {
      mutationKey: queryKeys.patients.checkIns(patientId),
      onSuccess: (result) => {
        setSaved({
          updated: result.updated,
          // The same test the server's safety flag is raised by (lib/data/check-ins/record-day.ts).
          toldTeam: result.checkIn.sideEffects.some((e) => isSuicidalitySideEffect(e.name)),
        });
        setIsUpdate(true);
        // The check-in page renders on the server: no query of the browser shows check-ins.
        router.refresh();
      },
      onError: form.showProblem,
    },
  );

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      className="space-y-8"
      intro={
        <p className="text-sm text-slate-700">
          {isUpdate
            ? 'You already checked in today. Change anything below and save to update it.'
            : 'Only your mood is needed. Add the rest if you can; it takes under a minute.'}
        </p>
      }
      onSubmit={(input) => {
        setSaved(null);
        mutation.mutate(input);
      }}
    >
      <CheckInQuestions
        watchFor={watchFor}
        measures={measures}
        crisisShownBelow={saved?.toldTeam ?? false}
      />
      <SavedNotice saved={saved} savedRef={savedRef} />
      <SubmitButton pendingLabel="Saving…" className="min-h-12 w-full text-base sm:w-auto">
        {isUpdate ? 'Update today’s check-in' : 'Save check-in'}
      </SubmitButton>
      <p className="text-xs text-slate-600">Checking in for {formatDate(today, 'long')}.</p>
    </SchemaForm>
  );
}

/** What the save answered: a new day or a replaced one, and whether the care team was told. */
type Saved = { updated: boolean; toldTeam: boolean };

/**
 * The saved check-in's notice. When it reported thoughts of suicide or self-harm: crisis resources
 * first, and that the care team has been told (the check-in raised a safety flag).
 */
function SavedNotice({
  saved,
  savedRef,
}: {
  saved: Saved | null;
  savedRef: RefObject<HTMLDivElement | null>;
}) {
  const id = useId();
  return (
    <div
      ref={savedRef}
      tabIndex={-1}
      role="status"
      className="space-y-4 rounded-md focus:outline-2 focus:outline-offset-2 focus:outline-teal-700 empty:hidden"
    >
      {saved?.toldTeam ? <CrisisResources headingId={`${id}-crisis-saved`} /> : null}
      {saved ? (
        <div className="rounded-md border border-teal-300 bg-teal-50 px-4 py-3 text-teal-950">
          <p className="font-medium">
            {saved.updated
              ? 'Thanks. Today’s check-in is updated.'
              : 'Thanks. Your check-in for today is saved.'}
          </p>
          {saved.toldTeam ? (
            <p className="mt-1 font-medium">
              We have let your care team know about the thoughts you reported. They will see it as
              soon as they can, but maybe not right away.
            </p>
          ) : null}
          <AfterSavingLinks trends="See your trends" className="mt-1 text-sm" />
        </div>
      ) : null}
    </div>
  );
}
