import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

/**
 * Earlier and later days (or weeks), back to today, and a date to jump to: a plain GET form, so it
 * works before any script has loaded.
 */
export function DayNav({
  label,
  previous,
  next,
  current,
  currentLabel,
  action,
  param,
  value,
  pickerLabel,
}: {
  label: string;
  previous: { href: string; label: string };
  next: { href: string; label: string };
  current: { href: string; label: string } | null;
  currentLabel?: string;
  action: string;
  param: string;
  value: string;
  pickerLabel: string;
}) {
  const link = buttonClass('secondary', 'px-3 py-1.5');
  return (
    <nav aria-label={label} className="flex flex-wrap items-end gap-2">
      <Link href={previous.href} className={link}>
        {previous.label}
      </Link>
      {current ? (
        <Link href={current.href} className={link}>
          {current.label}
        </Link>
      ) : currentLabel ? (
        <span className="px-1 py-1.5 text-sm text-slate-600">{currentLabel}</span>
      ) : null}
      <Link href={next.href} className={link}>
        {next.label}
      </Link>
      <form action={action} method="get" className="flex items-end gap-2">
        <div>
          <label htmlFor={`${param}-picker`} className="block text-sm font-medium text-slate-900">
            {pickerLabel}
          </label>
          <input
            id={`${param}-picker`}
            type="date"
            name={param}
            defaultValue={value}
            className={`${inputClass} mt-1`}
          />
        </div>
        <button type="submit" className={link}>
          Go
        </button>
      </form>
    </nav>
  );
}
