'use client';

import { get, useFieldArray, useFormState, useWatch } from 'react-hook-form';
import { DateField, Options, SelectField, TextField } from '@/components/forms/fields';
import { useBoundForm } from '@/components/forms/schema-form';
import {
  directionLabels,
  goalStatusLabels,
  interventionLabels,
  measureKindLabels,
} from '@/components/treatment-plan/labels';
import {
  READERS,
  emptyGoal,
  emptyIntervention,
  type PlanForm,
} from '@/components/treatment-plan/plan-form';
import { Button } from '@/components/ui/button';
import { roleLabel } from '@/lib/format';
import type { TreatmentPlanView } from '@/lib/schemas/treatment-plan';
import {
  GOAL_STATUSES,
  INTERVENTION_KINDS,
  MEASURE_DIRECTIONS,
  MEASURE_KINDS,
} from '@/lib/schemas/enums';
import { MAX_GOALS, MAX_INTERVENTIONS } from '@/lib/schemas/treatment-plan-values';

type Person = TreatmentPlanView['careTeam'][number];
type Item = { index: number; count: number; onMove: (to: number) => void; onRemove: () => void };

const smallButton = 'px-3 py-1';

/** A list of the plan's items (goals, interventions): each with its fields, then "Add". */
function ItemList({
  name,
  noun,
  max,
  empty,
  render,
}: {
  name: 'goals' | 'interventions';
  noun: string;
  max: number;
  empty: PlanForm['goals'][number] | PlanForm['interventions'][number];
  render: (item: Item) => React.ReactNode;
}) {
  const form = useBoundForm();
  const items = useFieldArray<PlanForm>({ control: form.control, name });
  const count = items.fields.length;
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold text-slate-900">
        {noun === 'goal' ? 'Goals' : 'Interventions'}
      </legend>
      {count === 0 ? <p className="text-sm text-slate-600">No {noun}s yet.</p> : null}
      <ol className="space-y-4">
        {items.fields.map((field, index) => (
          <li key={field.id}>
            {render({
              index,
              count,
              onMove: (to) => items.move(index, to),
              onRemove: () => items.remove(index),
            })}
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() => items.append({ ...empty } as never)}
        disabled={count >= max}
      >
        Add {noun === 'goal' ? 'a goal' : 'an intervention'}
      </Button>
    </fieldset>
  );
}

export function GoalList() {
  return (
    <ItemList
      name="goals"
      noun="goal"
      max={MAX_GOALS}
      empty={emptyGoal}
      render={(item) => <GoalFields {...item} />}
    />
  );
}

/** A medication the editor offers for a medication-management item. */
type MedicationChoice = { medicationKey: string; medication: string; status: string };

export function InterventionList({
  careTeam,
  medications = [],
}: {
  careTeam: Person[];
  medications?: MedicationChoice[];
}) {
  return (
    <ItemList
      name="interventions"
      noun="intervention"
      max={MAX_INTERVENTIONS}
      empty={emptyIntervention}
      render={(item) => (
        <InterventionFields {...item} careTeam={careTeam} medications={medications} />
      )}
    />
  );
}

function ItemHeader({ noun, index, count, onMove, onRemove }: Item & { noun: string }) {
  const title = `${noun[0]!.toUpperCase()}${noun.slice(1)} ${index + 1}`;
  return (
    <>
      <legend className="sr-only">{title}</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p aria-hidden="true" className="font-medium text-slate-900">
          {title}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            className={smallButton}
            aria-label={`Move ${noun} ${index + 1} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            Up
          </Button>
          <Button
            variant="secondary"
            className={smallButton}
            aria-label={`Move ${noun} ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            Down
          </Button>
          <Button
            variant="secondary"
            className={smallButton}
            aria-label={`Remove ${noun} ${index + 1}`}
            onClick={onRemove}
          >
            Remove
          </Button>
        </div>
      </div>
    </>
  );
}

/** An error about the goal as a whole (its key), which no field shows. */
function GoalKeyError({ index }: { index: number }) {
  const form = useBoundForm();
  const name = `goals.${index}.goalKey`;
  const { errors } = useFormState({ control: form.control, name });
  const message = (get(errors, name) as { message?: string } | undefined)?.message;
  return message ? <p className="text-sm font-medium text-red-800">{message}</p> : null;
}

const SCORE_HINTS: Partial<Record<string, string>> = {
  PHQ9: 'A score from 0 to 27.',
  GAD7: 'A score from 0 to 21.',
};

function GoalFields(item: Item) {
  const form = useBoundForm();
  const at = (field: string) => `goals.${item.index}.${field}`;
  const kind = useWatch({ control: form.control, name: at('measureKind') }) as string;
  const scored = kind === 'PHQ9' || kind === 'GAD7';
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <ItemHeader noun="goal" {...item} />
      <GoalKeyError index={item.index} />
      <TextField
        name={at('description')}
        label="Goal"
        hint="Your patient sees this unless you word it for them below."
      />
      <TextField
        name={at('patientWording')}
        label="Goal in words for the patient"
        hint={`${READERS.patient} Plain words: no scores or abbreviations.`}
        optional
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name={at('status')} label="Status">
          <Options values={GOAL_STATUSES} labels={goalStatusLabels} />
        </SelectField>
        <SelectField name={at('measureKind')} label="Measure">
          <Options values={MEASURE_KINDS} labels={measureKindLabels} />
        </SelectField>
        <DateField name={at('targetDate')} label="Target date" optional />
      </div>
      {kind === 'PERSONAL' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name={at('measureName')}
            label="Measure name"
            hint="The patient sees it in their check-in, e.g. “Panic attacks”."
          />
          <TextField
            name={at('measureUnit')}
            label="Unit"
            hint="“per week” sums the daily values of 7 days; “minutes”, “count” are daily."
          />
        </div>
      ) : null}
      {kind !== 'NONE' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name={at('direction')} label="Direction">
            <Options
              values={MEASURE_DIRECTIONS}
              labels={directionLabels}
              empty={scored ? undefined : 'Choose…'}
            />
          </SelectField>
          <TextField
            name={at('targetValue')}
            label="Target"
            hint={SCORE_HINTS[kind]}
            inputMode="decimal"
          />
        </div>
      ) : null}
    </fieldset>
  );
}

function InterventionFields({
  careTeam,
  medications,
  ...item
}: Item & { careTeam: Person[]; medications: MedicationChoice[] }) {
  const form = useBoundForm();
  const at = (field: string) => `interventions.${item.index}.${field}`;
  const kind = useWatch({ control: form.control, name: at('kind') }) as string;
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <ItemHeader noun="intervention" {...item} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name={at('kind')} label="Kind">
          <Options values={INTERVENTION_KINDS} labels={interventionLabels} />
        </SelectField>
        <SelectField name={at('ownerId')} label="Owner">
          <option value="">Choose a clinician…</option>
          {careTeam.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({roleLabel(person.role).toLowerCase()})
            </option>
          ))}
        </SelectField>
      </div>
      {kind === 'MEDICATION_MANAGEMENT' ? (
        <SelectField
          name={at('medicationKey')}
          label="Medication"
          hint="The plan then shows its current dose, and a dose change asks for a plan review."
        >
          <option value="">None</option>
          {medications.map((m) => (
            <option key={m.medicationKey} value={m.medicationKey}>
              {m.medication}
              {m.status === 'ACTIVE' ? '' : m.status === 'HELD' ? ' (on hold)' : ' (stopped)'}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField name={at('description')} label="Description" hint={READERS.patient} />
      <TextField
        name={at('frequency')}
        label="Frequency"
        hint={`${READERS.patient} e.g. “Weekly, 50 minutes”.`}
      />
    </fieldset>
  );
}
