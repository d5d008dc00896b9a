import { InvalidInputError } from '@/lib/errors';
import type { Metadata } from 'next';
import { AuditEventsResult } from '@/components/admin/audit-events-result';
import {
  AuditFilterForm,
  type AuditFilterErrors,
  type AuditFilterValues,
} from '@/components/admin/audit-filter-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/admin';
import { listAuditEvents } from '@/lib/data/audit-events';
import { listPatients } from '@/lib/data/patients';
import { roleLabel } from '@/lib/format';
import { AuditEventQuery } from '@/lib/schemas/audit-events';
import { EARLIEST_DATE, IsoDate, isDateInRange, LATEST_DATE } from '@/lib/schemas/common';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;
const OPTION_LIMIT = 100;

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** The day after a `YYYY-MM-DD`, so that "to" includes the whole day it names. */
function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** The URL's filters as the API's query, or the errors to show next to each filter. */
function parseFilters(values: AuditFilterValues, cursor: string) {
  const errors: AuditFilterErrors = {};
  for (const key of ['from', 'to'] as const) {
    if (values[key] && !IsoDate.safeParse(values[key]).success) {
      const isDateShaped = /^\d{4}-\d{2}-\d{2}$/.test(values[key]);
      errors[key] =
        isDateShaped && !isDateInRange(values[key])
          ? `Enter a date from ${EARLIEST_DATE} to ${LATEST_DATE}.`
          : 'Enter a date as year-month-day.';
    }
  }
  if (!errors.from && !errors.to && values.from && values.to && values.to < values.from) {
    errors.to = 'The end date must not be before the start date.';
  }
  const parsed = AuditEventQuery.safeParse({
    patientId: values.patientId || undefined,
    actorId: values.actorId || undefined,
    from: values.from && !errors.from ? `${values.from}T00:00:00.000Z` : undefined,
    // Up to the last accepted day is no upper bound at all (its next day lies out of range).
    to: values.to && !errors.to && values.to < LATEST_DATE ? nextDay(values.to) : undefined,
    cursor: cursor || undefined,
    limit: PAGE_SIZE,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key === 'patientId' || key === 'actorId') errors[key] = 'Choose from the list.';
      else if (key === 'to') errors.to ??= 'The end date must not be before the start date.';
      else if (key === 'from') errors.from ??= 'Enter a date as year-month-day.';
    }
  }
  const hasErrors = Object.keys(errors).length > 0;
  const isCursorInvalid =
    !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === 'cursor');
  return { query: parsed.success && !hasErrors ? parsed.data : null, errors, isCursorInvalid };
}

type Query = NonNullable<ReturnType<typeof parseFilters>['query']>;
type Viewer = Awaited<ReturnType<typeof requireRole>>;

/** The page of events, or 'stale-cursor' when the "older" link no longer names an event here. */
async function eventsFor(viewer: Viewer, query: Query | null) {
  if (!query) return null;
  try {
    return await listAuditEvents(viewer, query);
  } catch (error) {
    if (error instanceof InvalidInputError) return 'stale-cursor' as const;
    throw error;
  }
}

type Option = { id: string; label: string };

/** The address of the log with these filters, changed by `overrides`. */
function linksFrom(values: AuditFilterValues) {
  return (overrides: Partial<AuditFilterValues> & { cursor?: string }) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...values, ...overrides })) {
      if (value) search.set(key, value);
    }
    const text = search.toString();
    return text ? `/admin/audit?${text}` : '/admin/audit';
  };
}

/**
 * The choices of the patient and person filters; a filter set from a row's link may name someone
 * past the first page of options, who is then added first.
 */
function filterOptions(
  values: AuditFilterValues,
  events: Awaited<ReturnType<typeof listAuditEvents>> | null,
  patients: { id: string; name: string }[],
  users: { id: string; name: string; role: Parameters<typeof roleLabel>[0] }[],
) {
  const patientOptions: Option[] = patients.map((p) => ({ id: p.id, label: p.name }));
  const actorOptions: Option[] = users.map((u) => ({
    id: u.id,
    label: `${u.name} (${roleLabel(u.role).toLowerCase()})`,
  }));
  const selectedPatient = events?.items.find((e) => e.patientId === values.patientId);
  if (values.patientId && !patientOptions.some((o) => o.id === values.patientId)) {
    patientOptions.unshift({
      id: values.patientId,
      label: selectedPatient?.patientName ?? 'The selected patient',
    });
  }
  const selectedActor = events?.items.find((e) => e.actorId === values.actorId);
  if (values.actorId && !actorOptions.some((o) => o.id === values.actorId)) {
    actorOptions.unshift({
      id: values.actorId,
      label: selectedActor?.actorName ?? 'The selected person',
    });
  }
  return { patientOptions, actorOptions };
}

/** Admins: the organization's audit log, filtered by patient, person and dates. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireRole('ADMIN');
  const params = await searchParams;
  const values: AuditFilterValues = {
    patientId: first(params.patientId),
    actorId: first(params.actorId),
    from: first(params.from),
    to: first(params.to),
  };
  const cursor = first(params.cursor);
  const { query, errors, isCursorInvalid } = parseFilters(values, cursor);

  const [found, patients, users] = await Promise.all([
    eventsFor(viewer, query),
    listPatients(viewer, { limit: OPTION_LIMIT }),
    listUsers(viewer, { limit: OPTION_LIMIT }),
  ]);

  const events = found === 'stale-cursor' ? null : found;
  const isStale = found === 'stale-cursor' || (isCursorInvalid && Object.keys(errors).length === 0);
  const { patientOptions, actorOptions } = filterOptions(
    values,
    events,
    patients.items,
    users.items,
  );

  const focusPatient = focusOf(patientOptions, values.patientId);
  const hrefFor = linksFrom(values);
  const isFiltered = Object.values(values).some(Boolean);
  const hasMoreOptions = patients.nextCursor !== null || users.nextCursor !== null;

  return (
    <>
      <PageHeader title="Audit log">
        <p>
          Every read and change of patient data in your organization, and every refusal, newest
          first. Each entry says only who did what to which record, and when: no clinical content.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card title="Filters" titleId="audit-filters-heading">
          <div key={JSON.stringify(values)}>
            <AuditFilterForm
              values={values}
              errors={errors}
              patients={patientOptions}
              actors={actorOptions}
            />
          </div>
          {hasMoreOptions ? <MoreOptionsHint /> : null}
        </Card>
        <Card
          title="Events"
          titleId="audit-events-heading"
          description={
            cursor
              ? 'Older events, newest first.'
              : isFiltered
                ? 'Events matching the filters, newest first.'
                : 'All events, newest first.'
          }
        >
          <AuditEventsResult
            events={events}
            isStale={isStale}
            cursor={cursor}
            isFiltered={isFiltered}
            hrefFor={hrefFor}
            focusPatient={focusPatient}
          />
        </Card>
      </div>
    </>
  );
}

/** The patient the log is filtered by, with the name its option shows. */
function focusOf(options: Option[], patientId: string | undefined) {
  const focus = options.find((o) => o.id === patientId);
  return focus ? { id: focus.id, name: focus.label } : undefined;
}

function MoreOptionsHint() {
  return (
    <p className="mt-3 text-sm text-slate-600">
      The lists show the first {OPTION_LIMIT} names. To filter by someone else, open their name in
      the table.
    </p>
  );
}
