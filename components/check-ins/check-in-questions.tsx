'use client';

import { TextAreaField, TextField } from '@/components/forms/fields';
import { CHECK_IN_NOTE_MAX } from '@/lib/schemas/check-ins-values';
import { ScaleField } from './scale-group';
import { SideEffectsFieldset } from './side-effects-fieldset';
import { MOOD, fivePoint, type CheckInMeasureOption } from './check-in-values';

const sectionClass = 'space-y-6 rounded-lg border border-slate-200 p-4';

/**
 * The questions of the check-in, in the order a patient answers them. `crisisShownBelow`: the
 * saved notice shows the crisis resources, so the side effects need not repeat them.
 */
export function CheckInQuestions({
  watchFor,
  measures,
  crisisShownBelow,
}: {
  watchFor: string[];
  measures: CheckInMeasureOption[];
  crisisShownBelow?: boolean;
}) {
  return (
    <>
      <ScaleField
        name="mood"
        legend="How is your mood today?"
        hint="0 is the worst you can feel, 10 the best."
        options={MOOD}
        columns="grid-cols-6 sm:grid-cols-11"
      />
      <div className={sectionClass}>
        <h2 className="text-lg font-semibold text-slate-900">Sleep</h2>
        <TextField
          name="sleepHours"
          label="Hours of sleep last night"
          hint="For example 7 or 6.5"
          optional
          type="number"
          inputMode="decimal"
          min={0}
          max={24}
          step={0.5}
          className="max-w-32"
        />
        <ScaleField
          name="sleepQuality"
          legend="How well did you sleep?"
          options={fivePoint('Very badly', 'Very well')}
          optional
        />
      </div>
      <div className={sectionClass}>
        <h2 className="text-lg font-semibold text-slate-900">Your day</h2>
        <ScaleField
          name="energy"
          legend="Energy"
          options={fivePoint('Very low', 'Very high')}
          optional
        />
        <ScaleField
          name="focus"
          legend="Focus"
          options={fivePoint('Very poor', 'Very good')}
          optional
        />
        <ScaleField
          name="appetite"
          legend="Appetite"
          options={fivePoint('Very poor', 'Very good')}
          optional
        />
      </div>
      <SideEffectsFieldset watchFor={watchFor} crisisShownBelow={crisisShownBelow} />
      <MeasuresFieldset measures={measures} />
      <TextAreaField
        name="note"
        label="Anything else you want your care team to know?"
        optional
        rows={3}
        maxLength={CHECK_IN_NOTE_MAX}
      />
    </>
  );
}

function MeasuresFieldset({ measures }: { measures: CheckInMeasureOption[] }) {
  if (measures.length === 0) return null;
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-lg font-semibold text-slate-900">Your plan’s measures</legend>
      {measures.map((measure, index) => (
        <TextField
          key={measure.goalKey}
          name={`measures.${index}.value`}
          label={`${measure.name ?? 'Measure'}${measure.unit ? ` (${measure.unit})` : ''}`}
          hint={measure.description}
          optional
          type="number"
          inputMode="decimal"
          min={0}
          className="max-w-32"
        />
      ))}
    </fieldset>
  );
}
