'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { formatDate, formatDose, toIsoDate } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import {
  MEDICATION_ACTIONS,
  MedicationChangeInput,
  type MedicationAction,
  type MedicationChange,
  type RegimenItem,
} from '@/lib/schemas/medications';
import { ACTION_CHOICES, changeTitle } from './medication-text';

type FormValues = {
  action: MedicationAction | '';
  medication: string;
  dose: string;
  unit: string;
  frequency: string;
  route: string;
  effectiveDate: string;
  reason: string;
  monitorFor: string;
  reviewBy: string;
  patientExplanation: string;
  noteForCareTeam: string;
  correctsId: string;
};

const FIELDS = [
  'action',
  'medication',
  'dose',
  'unit',
  'frequency',
  'route',
  'effectiveDate',
  'reason',
  'monitorFor',
  'reviewBy',
  'patientExplanation',
  'noteForCareTeam',
  'correctsId',
] as const;

function emptyForm(): FormValues {
  return {
    action: '',
    medication: '',
    dose: '',
    unit: 'mg',
    frequency: '',
    route: 'oral',
    effectiveDate: toIsoDate(new Date()),
    reason: '',
    monitorFor: '',
    reviewBy: '',
    patientExplanation: '',
    noteForCareTeam: '',
    correctsId: '',
  };
}

/** The items of a comma-separated list, trimmed, without empties or repeats. */
function listOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const optional = (value: string) => (value.trim() ? value : undefined);

/** The form as the API's body: only the fields that fit the chosen action. */
function toInput(values: FormValues) {
  const action = values.action || undefined;
  const isStart = action === 'START';
  const carriesDose = isStart || action === 'INCREASE' || action === 'DECREASE';
  const dose = values.dose.trim() === '' ? undefined : Number(values.dose);
  return {
    action,
    ...(action !== 'ENTERED_IN_ERROR' ? { medication: optional(values.medication) } : {}),
    ...(carriesDose ? { dose } : {}),
    ...(isStart
      ? {
          unit: optional(values.unit),
          frequency: optional(values.frequency),
          route: optional(values.route),
        }
      : {}),
    ...(action === 'INCREASE' || action === 'DECREASE'
      ? { frequency: optional(values.frequency) }
      : {}),
    effectiveDate: values.effectiveDate,
    reason: values.reason,
    monitorFor: listOf(values.monitorFor),
    reviewBy: optional(values.reviewBy),
    patientExplanation: optional(values.patientExplanation),
    noteForCareTeam: optional(values.noteForCareTeam),
    ...(action === 'ENTERED_IN_ERROR' ? { correctsId: optional(values.correctsId) } : {}),
  };
}

// The API's own schema checks the form, applied to the body the form would send.
type Output = MedicationChangeInput;
type ChangeResolver = Resolver<FormValues, unknown, Output>;
const schemaResolver = zodResolver(MedicationChangeInput);
const resolver: ChangeResolver = async (values, context, options) => {
  const result = await schemaResolver(
    toInput(values) as Parameters<typeof schemaResolver>[0],
    context,
    options as never,
  );
  // The output is the body to send (the API parses it again), not its parsed form.
  return (
    Object.keys(result.errors).length === 0 ? { values: toInput(values), errors: {} } : result
  ) as Awaited<ReturnType<ChangeResolver>>;
};

/** Which medications an action applies to. */
function candidates(action: MedicationAction | '', regimen: RegimenItem[]): RegimenItem[] {
  switch (action) {
    case 'INCREASE':
    case 'DECREASE':
    case 'HOLD':
      return regimen.filter((m) => m.status === 'ACTIVE');
    case 'RESUME':
      return regimen.filter((m) => m.status === 'HELD');
    case 'STOP':
      return regimen.filter((m) => m.status !== 'STOPPED');
    default:
      return [];
  }
}

/** Prescribers: record a start, dose change, hold, resume, stop or correction. */
export function RecordChangeForm({
  patientId,
  regimen,
  recentChanges,
}: {
  patientId: string;
  regimen: RegimenItem[];
  recentChanges: MedicationChange[];
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState<Output | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm<FormValues, unknown, Output>({ resolver, defaultValues: emptyForm() });
  const action = useWatch({ control, name: 'action' });
  const medication = useWatch({ control, name: 'medication' });
  const correctsId = useWatch({ control, name: 'correctsId' });

  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.recordMedicationChange(patientId),
    mutationFn: (input: Output, idempotencyKey) =>
      apiFetch<MedicationChange>(`/api/v1/patients/${patientId}/medication-changes`, {
        method: 'POST',
        body: input,
        idempotencyKey,
      }),
    onSuccess: async (change) => {
      setPending(null);
      reset(emptyForm());
      setDone(`Recorded: ${changeTitle(change)}.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.patients.regimen(patientId) }),
        queryClient.invalidateQueries({
          queryKey: queryKeys.patients.medicationChanges(patientId),
        }),
      ]);
    },
    onError: (error) => {
      setPending(null);
      setSummary(applyProblem(error, setError, FIELDS));
    },
  });

  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${id}-${f}`])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const choices = candidates(action, regimen);
  const chosen = regimen.find((m) => m.medication === medication);
  const correctable = recentChanges.filter(
    (c) => c.action !== 'ENTERED_IN_ERROR' && c.correctedById === null,
  );
  const target = correctable.find((c) => c.id === correctsId);
  const carriesDose = action === 'START' || action === 'INCREASE' || action === 'DECREASE';

  const submit = handleSubmit((input) => {
    setSummary([]);
    setDone(null);
    if (input.action === 'STOP' || input.action === 'ENTERED_IN_ERROR') setPending(input);
    else mutation.mutate(input);
  });

  return (
    <form noValidate aria-busy={mutation.isPending} onSubmit={submit} className="space-y-5">
      <FormAlert id={`${id}-alert`} messages={summary} />
      <div role="status" aria-live="polite">
        {done ? (
          <p className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900">
            {done} The history and the regimen are up to date.
          </p>
        ) : null}
      </div>

      <Field id={ids.action} label="What are you recording?" error={errors.action?.message}>
        {(c) => (
          <select {...c} className={inputClass} {...register('action')}>
            <option value="">Choose…</option>
            {MEDICATION_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_CHOICES[a]}
              </option>
            ))}
          </select>
        )}
      </Field>

      {action === 'START' ? (
        <Field
          id={ids.medication}
          label="Medication"
          hint="The name as prescribed, e.g. Sertraline."
          error={errors.medication?.message}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              className={inputClass}
              {...register('medication')}
            />
          )}
        </Field>
      ) : null}

      {action && action !== 'START' && action !== 'ENTERED_IN_ERROR' ? (
        <Field
          id={ids.medication}
          label="Medication"
          hint={
            choices.length === 0 ? 'No medication is in a state this action applies to.' : undefined
          }
          error={errors.medication?.message}
        >
          {(c) => (
            <select {...c} className={inputClass} {...register('medication')}>
              <option value="">Choose…</option>
              {choices.map((m) => (
                <option key={m.medicationKey} value={m.medication}>
                  {m.medication}
                  {formatDose(m.dose, m.unit) ? ` (${formatDose(m.dose, m.unit)})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      {(action === 'INCREASE' || action === 'DECREASE') && chosen ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800" id={`${id}-current`}>
          Current dose: <strong>{formatDose(chosen.dose, chosen.unit) ?? 'not recorded'}</strong>
          {chosen.frequency ? `, ${chosen.frequency}` : ''} (since {formatDate(chosen.since)})
        </p>
      ) : null}

      {action === 'ENTERED_IN_ERROR' ? (
        <Field
          id={ids.correctsId}
          label="Which change was entered in error?"
          hint="The regimen is recomputed without it. Nothing is deleted: both entries stay in the history."
          error={errors.correctsId?.message}
        >
          {(c) => (
            <select {...c} className={inputClass} {...register('correctsId')}>
              <option value="">Choose…</option>
              {correctable.map((change) => (
                <option key={change.id} value={change.id}>
                  {formatDate(change.effectiveDate)}: {changeTitle(change)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      {carriesDose ? (
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id={ids.dose}
            label={action === 'START' ? 'Dose' : 'New dose'}
            hint={action === 'START' ? undefined : `In ${chosen?.unit ?? 'the current unit'}.`}
            error={errors.dose?.message}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                className={inputClass}
                {...register('dose')}
              />
            )}
          </Field>
          {action === 'START' ? (
            <Field id={ids.unit} label="Unit" error={errors.unit?.message}>
              {(c) => (
                <input
                  {...c}
                  type="text"
                  autoComplete="off"
                  className={inputClass}
                  {...register('unit')}
                />
              )}
            </Field>
          ) : null}
          <Field
            id={ids.frequency}
            label="How often"
            optional={action !== 'START'}
            hint={
              action === 'START'
                ? 'e.g. once daily in the morning'
                : 'Leave empty to keep the current schedule.'
            }
            error={errors.frequency?.message}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                autoComplete="off"
                className={inputClass}
                {...register('frequency')}
              />
            )}
          </Field>
          {action === 'START' ? (
            <Field id={ids.route} label="Route" optional error={errors.route?.message}>
              {(c) => (
                <input
                  {...c}
                  type="text"
                  autoComplete="off"
                  className={inputClass}
                  {...register('route')}
                />
              )}
            </Field>
          ) : null}
        </div>
      ) : null}

      {action ? (
        <>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id={ids.effectiveDate}
              label="Effective date"
              hint="Up to a year back or 90 days ahead."
              error={errors.effectiveDate?.message}
            >
              {(c) => (
                <input {...c} type="date" className={inputClass} {...register('effectiveDate')} />
              )}
            </Field>
            <Field id={ids.reviewBy} label="Review by" optional error={errors.reviewBy?.message}>
              {(c) => <input {...c} type="date" className={inputClass} {...register('reviewBy')} />}
            </Field>
          </div>
          <Field id={ids.reason} label="Reason" error={errors.reason?.message}>
            {(c) => <textarea {...c} rows={3} className={inputClass} {...register('reason')} />}
          </Field>
          <Field
            id={ids.monitorFor}
            label="What to monitor"
            optional
            hint="Separate items with commas, e.g. sleep, nausea, restlessness."
            error={errors.monitorFor?.message}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                autoComplete="off"
                className={inputClass}
                {...register('monitorFor')}
              />
            )}
          </Field>
          <Field
            id={ids.patientExplanation}
            label="Explanation for the patient"
            optional
            hint="Shown to the patient. Use plain words: what changes, why, and what they may notice."
            error={errors.patientExplanation?.message}
          >
            {(c) => (
              <textarea
                {...c}
                rows={3}
                className={inputClass}
                {...register('patientExplanation')}
              />
            )}
          </Field>
          <Field
            id={ids.noteForCareTeam}
            label="Note for the care team"
            optional
            hint="Seen by the clinicians on the team only, never by the patient."
            error={errors.noteForCareTeam?.message}
          >
            {(c) => (
              <textarea {...c} rows={3} className={inputClass} {...register('noteForCareTeam')} />
            )}
          </Field>
          <div className="border-t border-slate-200 pt-4">
            <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
              {mutation.isPending ? 'Recording…' : 'Record the change'}
            </Button>
          </div>
        </>
      ) : null}

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.action === 'STOP'
            ? `Stop ${pending.medication ?? 'this medication'}?`
            : 'Mark this change as entered in error?'
        }
        confirmLabel={
          pending?.action === 'STOP' ? 'Stop the medication' : 'Mark as entered in error'
        }
        pendingLabel="Recording…"
        isPending={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && mutation.mutate(pending)}
      >
        {pending?.action === 'STOP' ? (
          <p>
            The medication leaves the active regimen from {formatDate(pending.effectiveDate)}. The
            care team and the patient will see this change at once.
          </p>
        ) : (
          <p>
            {target ? `“${changeTitle(target)}” ` : 'The chosen change '}will no longer count toward
            the regimen. Both entries stay in the history; this cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </form>
  );
}
