'use client';

import { useWatch } from 'react-hook-form';
import { DateField, SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import { SubmitButton, useBoundForm } from '@/components/forms/schema-form';
import { formatDate, formatDose } from '@/lib/format';
import type { MedicationAction, MedicationChange, RegimenItem } from '@/lib/schemas/medications';
import { MEDICATION_ACTIONS } from '@/lib/schemas/enums';
import { ACTION_CHOICES, changeTitle } from './medication-text';
import { candidates, carriesDose } from './record-change-values';

// The fields of the medication-change form (./record-change-form.tsx), each shown for the actions
// it belongs to.

function useAction(): MedicationAction | '' {
  return useWatch({ control: useBoundForm().control, name: 'action' });
}

export function ActionField() {
  return (
    <SelectField name="action" label="What are you recording?">
      <option value="">Choose…</option>
      {MEDICATION_ACTIONS.map((a) => (
        <option key={a} value={a}>
          {ACTION_CHOICES[a]}
        </option>
      ))}
    </SelectField>
  );
}

/** The medication: typed for a start, chosen from the regimen otherwise; the change to correct. */
export function MedicationField({
  regimen,
  correctable,
}: {
  regimen: RegimenItem[];
  correctable: MedicationChange[];
}) {
  const action = useAction();
  if (action === 'START') {
    return (
      <TextField
        name="medication"
        label="Medication"
        hint="The name as prescribed, e.g. Sertraline."
        autoComplete="off"
      />
    );
  }
  if (action === 'ENTERED_IN_ERROR') {
    return (
      <SelectField
        name="correctsId"
        label="Which change was entered in error?"
        hint="The regimen is recomputed without it. Nothing is deleted: both entries stay in the history."
      >
        <option value="">Choose…</option>
        {correctable.map((change) => (
          <option key={change.id} value={change.id}>
            {formatDate(change.effectiveDate)}: {changeTitle(change)}
          </option>
        ))}
      </SelectField>
    );
  }
  if (!action) return null;
  const choices = candidates(action, regimen);
  return (
    <SelectField
      name="medication"
      label="Medication"
      hint={
        choices.length === 0 ? 'No medication is in a state this action applies to.' : undefined
      }
    >
      <option value="">Choose…</option>
      {choices.map((m) => (
        <option key={m.medicationKey} value={m.medication}>
          {m.medication}
          {formatDose(m.dose, m.unit) ? ` (${formatDose(m.dose, m.unit)})` : ''}
        </option>
      ))}
    </SelectField>
  );
}

/** The dose of a start or a dose change, with the current dose for a change. */
export function DoseFields({ regimen }: { regimen: RegimenItem[] }) {
  const form = useBoundForm();
  const action = useAction();
  const medication = useWatch({ control: form.control, name: 'medication' });
  if (!carriesDose(action)) return null;
  const isStart = action === 'START';
  const chosen = regimen.find((m) => m.medication === medication);
  return (
    <>
      {!isStart && chosen ? (
        <p
          className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800"
          id={`${form.id}-current`}
        >
          Current dose: <strong>{formatDose(chosen.dose, chosen.unit) ?? 'not recorded'}</strong>
          {chosen.frequency ? `, ${chosen.frequency}` : ''} (since {formatDate(chosen.since)})
        </p>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="dose"
          label={isStart ? 'Dose' : 'New dose'}
          hint={isStart ? undefined : `In ${chosen?.unit ?? 'the current unit'}.`}
          inputMode="decimal"
          autoComplete="off"
        />
        {isStart ? <TextField name="unit" label="Unit" autoComplete="off" /> : null}
        <TextField
          name="frequency"
          label="How often"
          optional={!isStart}
          hint={
            isStart ? 'e.g. once daily in the morning' : 'Leave empty to keep the current schedule.'
          }
          autoComplete="off"
        />
        {isStart ? <TextField name="route" label="Route" optional autoComplete="off" /> : null}
      </div>
    </>
  );
}

/** What every change has: when, why, what to watch, and the words for the patient and the team. */
export function ChangeDetailsFields({ pending }: { pending: boolean }) {
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <DateField
          name="effectiveDate"
          label="Effective date"
          hint="Up to a year back or 90 days ahead."
        />
        <DateField name="reviewBy" label="Review by" optional />
      </div>
      <TextAreaField name="reason" label="Reason" rows={3} />
      <TextField
        name="monitorFor"
        label="What to monitor"
        optional
        hint="Separate items with commas, e.g. sleep, nausea, restlessness."
        autoComplete="off"
      />
      <TextAreaField
        name="patientExplanation"
        label="Explanation for the patient"
        optional
        hint="Shown to the patient. Use plain words: what changes, why, and what they may notice."
        rows={3}
      />
      <TextAreaField
        name="noteForCareTeam"
        label="Note for the care team"
        optional
        hint="Seen by the clinicians on the team only, never by the patient."
        rows={3}
      />
      <div className="border-t border-slate-200 pt-4">
        <SubmitButton pending={pending} pendingLabel="Recording…">
          Record the change
        </SubmitButton>
      </div>
    </>
  );
}
