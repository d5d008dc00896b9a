import Form from 'next/form';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';

export type AuditFilterValues = { patientId: string; actorId: string; from: string; to: string };
export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string>>;
type Option = { id: string; label: string };

/** The period's two ends, each a date input. */
const DATE_FIELDS = [
  { id: 'audit-from', label: 'From (UTC)', name: 'from' },
  { id: 'audit-to', label: 'To (UTC, inclusive)', name: 'to' },
] as const;

/**
 * The audit log's filters as a GET form: every choice lands in the URL, so a filtered view can be
 * bookmarked, shared with a colleague who is also an admin, or reloaded.
 */
export function AuditFilterForm({
  values,
  errors,
  patients,
  actors,
}: {
  values: AuditFilterValues;
  errors: AuditFilterErrors;
  patients: Option[];
  actors: Option[];
}) {
  return (
    <Form action="/admin/audit" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {(
          [
            {
              id: 'audit-patient',
              label: 'Patient',
              name: 'patientId',
              any: 'Any patient',
              options: patients,
            },
            { id: 'audit-actor', label: 'Actor', name: 'actorId', any: 'Anyone', options: actors },
          ] as const
        ).map((select) => (
          <OptionSelect
            key={select.id}
            {...select}
            value={values[select.name]}
            error={errors[select.name]}
          />
        ))}
        {DATE_FIELDS.map(({ id, label, name }) => (
          <Field key={id} id={id} label={label} error={errors[name]}>
            {(control) => (
              <input
                {...control}
                type="date"
                name={name}
                defaultValue={values[name]}
                className={inputClass}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass('primary')}>
          Apply filters
        </button>
        <Link href="/admin/audit" className={buttonClass('secondary')}>
          Clear filters
        </Link>
      </div>
    </Form>
  );
}

function OptionSelect({
  id,
  label,
  name,
  any,
  options,
  value,
  error,
}: {
  id: string;
  label: string;
  name: string;
  any: string;
  options: Option[];
  value: string;
  error?: string;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <select {...control} name={name} defaultValue={value} className={inputClass}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
