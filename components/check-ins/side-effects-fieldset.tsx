'use client';

import { useState, type ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import { CrisisResources } from '@/components/assessments/crisis-resources';
import { useBoundForm } from '@/components/forms/schema-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { isSuicidalitySideEffect } from '@/lib/clinical/suicidality';
import type { CheckInValues } from './check-in-values';
import { SEVERITY_OPTIONS } from './check-in-values';
import { ScaleField } from './scale-group';

type Effects = ReturnType<typeof useFieldArray<CheckInValues, 'sideEffects'>>;

/**
 * The side effects of today: the ones the prescriber asked to watch for as checkboxes, anything
 * else typed in; each chosen one asks how bad it is. Thoughts of suicide or self-harm, ticked or
 * typed, show crisis resources under it at once, whatever the severity (unless `crisisShownBelow`:
 * the saved check-in's notice shows them).
 */
export function SideEffectsFieldset({
  watchFor,
  crisisShownBelow = false,
}: {
  watchFor: string[];
  crisisShownBelow?: boolean;
}) {
  const form = useBoundForm();
  const effects: Effects = useFieldArray<CheckInValues, 'sideEffects'>({
    control: form.control,
    name: 'sideEffects',
  });
  const firstSafetyIndex = effects.fields.findIndex((f) => isSuicidalitySideEffect(f.name));
  const crisisAfter = (index: number) =>
    index >= 0 && index === firstSafetyIndex && !crisisShownBelow ? (
      <CrisisResources headingId={`${form.id}-crisis-now`} />
    ) : null;
  const watched = new Set(watchFor.map((t) => t.toLowerCase()));
  const added = effects.fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => !watched.has(field.name.toLowerCase()));

  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-lg font-semibold text-slate-900">Side effects</legend>
      <p className="text-sm text-slate-600">
        {watchFor.length > 0
          ? 'Tick any you noticed today. These are the ones your prescriber asked you to watch for.'
          : 'Add anything you noticed today that might be from your medication.'}
      </p>
      {watchFor.length > 0 ? (
        <WatchedEffects watchFor={watchFor} effects={effects} crisisAfter={crisisAfter} />
      ) : null}
      {added.length > 0 ? (
        <ul className="space-y-4">
          {added.map(({ field, index }) => (
            <li key={field.id} className="space-y-2 rounded-md bg-slate-50 p-3">
              <div className="flex items-center justify-between gap-2">
                <p className="font-medium text-slate-900">{field.name}</p>
                <Button variant="quiet" onClick={() => effects.remove(index)}>
                  Remove<span className="sr-only"> {field.name}</span>
                </Button>
              </div>
              <Severity index={index} name={field.name} />
              {crisisAfter(index)}
            </li>
          ))}
        </ul>
      ) : null}
      <AddEffect effects={effects} />
    </fieldset>
  );
}

function Severity({ index, name }: { index: number; name: string }) {
  return (
    <ScaleField
      name={`sideEffects.${index}.severity`}
      legend={`How bad is it? (${name})`}
      options={SEVERITY_OPTIONS}
      columns="grid-cols-3"
    />
  );
}

function WatchedEffects({
  watchFor,
  effects,
  crisisAfter,
}: {
  watchFor: string[];
  effects: Effects;
  crisisAfter: (index: number) => ReactNode;
}) {
  const indexOf = (name: string) =>
    effects.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  return (
    <ul className="space-y-3">
      {watchFor.map((term) => {
        const index = indexOf(term);
        return (
          <li key={term} className="space-y-3">
            <label className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-900">
              <input
                type="checkbox"
                className="size-5 accent-teal-700"
                checked={index >= 0}
                onChange={(event) => {
                  if (event.target.checked) effects.append({ name: term, severity: 'MILD' });
                  else if (index >= 0) effects.remove(index);
                }}
              />
              {term}
            </label>
            {index >= 0 ? (
              <div className="pl-8">
                <Severity index={index} name={term} />
              </div>
            ) : null}
            {crisisAfter(index)}
          </li>
        );
      })}
    </ul>
  );
}

/** Something else, typed in: checked here (not by the schema) since it is not sent as typed. */
function AddEffect({ effects }: { effects: Effects }) {
  const form = useBoundForm();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  function add() {
    const name = text.trim();
    if (!name) return setError('Type the side effect first.');
    if (name.length > 80) return setError('Use 80 characters or fewer.');
    if (effects.fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
      return setError('It is already on your list.');
    }
    effects.append({ name, severity: 'MILD' });
    setText('');
    setError(undefined);
  }

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <Field id={`${form.id}-new-effect`} label="Something else?" optional error={error}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={80}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Button variant="secondary" onClick={add} className="min-h-11">
        Add side effect
      </Button>
    </div>
  );
}
