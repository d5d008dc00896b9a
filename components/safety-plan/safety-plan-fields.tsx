'use client';

import type { ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import { TextField } from '@/components/forms/fields';
import { useBoundForm } from '@/components/forms/schema-form';
import { Button } from '@/components/ui/button';
import type { SafetyPlanSection } from '@/lib/schemas/safety-plan';
import { MAX_SAFETY_PLAN_ITEMS } from '@/lib/schemas/safety-plan-values';
import type { SafetyPlanFormValues } from './safety-plan-form';
import { SECTION_WORDS } from './sections';

type Empty = SafetyPlanFormValues[SafetyPlanSection][number];

/** One step of the plan: its items, each with its fields and a Remove button, then Add. */
function SectionList({
  name,
  empty,
  fields,
  extra,
}: {
  name: SafetyPlanSection;
  empty: Empty;
  fields: (index: number, label: string) => ReactNode;
  extra?: ReactNode;
}) {
  const form = useBoundForm();
  const items = useFieldArray<SafetyPlanFormValues>({ control: form.control, name });
  const words = SECTION_WORDS[name];
  const count = items.fields.length;
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-base font-semibold text-slate-900">
        Step {words.step}: {words.title}
      </legend>
      <p className="text-sm text-slate-600">{words.hint}</p>
      {extra}
      <ol className="space-y-3">
        {items.fields.map((field, index) => {
          const label = `${words.item[0]!.toUpperCase()}${words.item.slice(1)} ${index + 1}`;
          return (
            <li key={field.id} className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="grid flex-1 gap-3 sm:grid-cols-3">{fields(index, label)}</div>
              <Button
                variant="secondary"
                className="self-start px-3 py-1 sm:self-end"
                aria-label={`Remove ${words.item} ${index + 1}`}
                onClick={() => items.remove(index)}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        onClick={() => items.append({ ...empty } as never)}
        disabled={count >= MAX_SAFETY_PLAN_ITEMS}
      >
        Add a {words.item}
      </Button>
    </fieldset>
  );
}

/** A step written as single lines. */
function LinesSection({ name }: { name: SafetyPlanSection }) {
  return (
    <SectionList
      name={name}
      empty={{ text: '' }}
      fields={(index, label) => (
        <div className="sm:col-span-3">
          <TextField name={`${name}.${index}.text`} label={label} />
        </div>
      )}
    />
  );
}

/** Every step of the plan, in the Stanley–Brown order. */
export function SafetyPlanSections({ always }: { always: ReactNode }) {
  return (
    <>
      <LinesSection name="warningSigns" />
      <LinesSection name="copingStrategies" />
      <SectionList
        name="distractions"
        empty={{ name: '', phone: '', place: '' }}
        fields={(index, label) => (
          <>
            <TextField name={`distractions.${index}.name`} label={`${label}: who or where`} />
            <TextField name={`distractions.${index}.phone`} label="Phone" type="tel" optional />
            <TextField name={`distractions.${index}.place`} label="Where" optional />
          </>
        )}
      />
      <SectionList
        name="helpers"
        empty={{ name: '', phone: '' }}
        fields={(index, label) => (
          <>
            <TextField name={`helpers.${index}.name`} label={`${label}: name`} />
            <TextField name={`helpers.${index}.phone`} label="Phone" type="tel" />
          </>
        )}
      />
      <SectionList
        name="professionals"
        empty={{ name: '', phone: '', role: '' }}
        extra={always}
        fields={(index, label) => (
          <>
            <TextField name={`professionals.${index}.name`} label={`${label}: name`} />
            <TextField name={`professionals.${index}.phone`} label="Phone" type="tel" />
            <TextField name={`professionals.${index}.role`} label="Role or service" optional />
          </>
        )}
      />
      <LinesSection name="environmentSafety" />
      <LinesSection name="reasonsForLiving" />
    </>
  );
}
