import 'server-only';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { FLAG_KINDS, type Flag, type FlagKind } from '@/lib/clinical/flags';
import { factsOfPatients } from '@/lib/data/flags';
import { unreadByPatient } from '@/lib/data/notifications/unread-by-patient';

import { toIsoDate } from '@/lib/format';
import type { Tx } from '@/lib/db';

/** A page of the caseload: 50 rows (a 500-patient caseload is ten pages, sorted and filtered first). */
export const CASELOAD_PAGE_SIZE = 50;

export type CaseloadPatient = {
  id: string;
  name: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  /** `YYYY-MM-DD` of the newest check-in (the patient's local date), or null when none yet. */
  lastCheckInDate: string | null;
  latestPhq9: { score: number; severity: string; completedAt: string } | null;
  /** The caseload flags (lib/clinical/flags.ts), most urgent first. */
  flags: Flag[];
  /** The reader's own unread inbox items about this patient. */
  unreadNotifications: number;
};

export const CASELOAD_SORTS = ['name', 'lastCheckIn', 'phq9', 'flags'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

/** How the caseload is ordered and narrowed (from the page's URL search params). */
export type CaseloadOptions = {
  page?: number;
  sort?: CaseloadSort;
  /** Only patients with a flag of this kind. */
  flag?: FlagKind;
  /** Only patients with at least one flag. */
  flaggedOnly?: boolean;
};

// The weight of each flag when sorting by flags: safety first, then the order of FLAG_KINDS.
const FLAG_WEIGHT = new Map<FlagKind, number>(
  FLAG_KINDS.map((kind, i) => [kind, 2 ** (FLAG_KINDS.length - i)]),
);

function flagScore(flags: Flag[]): number {
  return flags.reduce((sum, f) => sum + (FLAG_WEIGHT.get(f.kind) ?? 1), 0);
}

const byName = (a: Pick<CaseloadPatient, 'id' | 'name'>, b: Pick<CaseloadPatient, 'id' | 'name'>) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const comparators: Record<CaseloadSort, (a: CaseloadPatient, b: CaseloadPatient) => number> = {
  name: byName,
  // Longest without a check-in first (never checked in leads).
  lastCheckIn: (a, b) =>
    (a.lastCheckInDate ?? '').localeCompare(b.lastCheckInDate ?? '') || byName(a, b),
  // Highest score first; no score last.
  phq9: (a, b) => (b.latestPhq9?.score ?? -1) - (a.latestPhq9?.score ?? -1) || byName(a, b),
  flags: (a, b) =>
    flagScore(b.flags) - flagScore(a.flags) || b.flags.length - a.flags.length || byName(a, b),
};

export type Caseload = {
  patients: CaseloadPatient[];
  total: number;
  page: number;
  pageSize: number;
  sort: CaseloadSort;
  flag: FlagKind | null;
  flaggedOnly: boolean;
};

type Person = Pick<CaseloadPatient, 'id' | 'name' | 'dateOfBirth'>;
type Facts = Awaited<ReturnType<typeof factsOfPatients>>;

function rowOf(person: Person, facts: Facts): CaseloadPatient {
  const f = facts.get(person.id);
  return {
    ...person,
    lastCheckInDate: f?.lastCheckIn ?? null,
    latestPhq9: f?.latestPhq9 ?? null,
    flags: f?.flags ?? [],
    unreadNotifications: 0,
  };
}

/** The page `requested` of `list` (clamped to the pages there are). */
function pageOf<T>(list: T[], requested: number | undefined): { page: number; rows: T[] } {
  const lastPage = Math.max(1, Math.ceil(list.length / CASELOAD_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1)), lastPage);
  return { page, rows: list.slice((page - 1) * CASELOAD_PAGE_SIZE, page * CASELOAD_PAGE_SIZE) };
}

/**
 * The page shown of the caseload, sorted and filtered, with its facts (flags, last check-in,
 * latest PHQ-9). The facts cost a statement over every patient they cover: sorting by name without
 * a filter reads them for the page alone; any other order or filter, for the whole caseload first.
 */
async function caseloadPage(
  tx: Tx,
  organizationId: string,
  people: Person[],
  options: { sort: CaseloadSort; flag: FlagKind | null; flaggedOnly: boolean; page?: number },
  now: Date,
): Promise<{ total: number; page: number; rows: CaseloadPatient[] }> {
  const { sort, flag, flaggedOnly } = options;
  if (sort === 'name' && !flag && !flaggedOnly) {
    const { page, rows } = pageOf(people.sort(byName), options.page);
    const facts = await factsOfPatients(
      tx,
      organizationId,
      rows.map((p) => p.id),
      now,
    );
    return { total: people.length, page, rows: rows.map((p) => rowOf(p, facts)) };
  }
  const facts = await factsOfPatients(
    tx,
    organizationId,
    people.map((p) => p.id),
    now,
  );
  const shown = people
    .map((p) => rowOf(p, facts))
    .filter((r) => !flaggedOnly || r.flags.length > 0)
    .filter((r) => !flag || r.flags.some((f) => f.kind === flag))
    .sort(comparators[sort]);
  return { total: shown.length, ...pageOf(shown, options.page) };
}

/**
 * Prescribers and therapists: the patients of their own active care teams with each one's last
 * check-in, latest PHQ-9 and flags; sorted, filtered and paged in memory after a fixed number of
 * queries (a caseload is a few hundred patients at most). One audit event naming the patients shown.
 */
export async function listCaseload(
  viewer: Viewer,
  options: CaseloadOptions = {},
): Promise<Caseload> {
  const sort = options.sort ?? 'name';
  const flag = options.flag ?? null;
  const flaggedOnly = options.flaggedOnly ?? false;
  const now = new Date();

  // SECURITY: the caseload is a clinician's view (caseload.read); admins list patients elsewhere,
  // without clinical content (minimum necessary).
  const access = { permission: 'caseload.read', action: 'read', resourceType: 'caseload' } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: scope in the query (active care-team membership inside the organization).
    const patients = await tx.patient.findMany({
      where: patientsInScope(viewer),
      select: { id: true, dateOfBirth: true, account: { select: { name: true } } },
    });
    const people = patients.map((p) => ({
      id: p.id,
      name: p.account.name,
      dateOfBirth: toIsoDate(p.dateOfBirth),
    }));
    const {
      total,
      page,
      rows: pageRows,
    } = await caseloadPage(
      tx,
      viewer.organizationId,
      people,
      { sort, flag, flaggedOnly, page: options.page },
      now,
    );

    // One grouped query for the page shown, not one per row.
    const unread = await unreadByPatient(
      tx,
      viewer,
      pageRows.map((r) => r.id),
    );
    for (const row of pageRows) row.unreadNotifications = unread.get(row.id) ?? 0;

    record.patientIds = pageRows.map((r) => r.id);
    record.detail = `page ${page} of the caseload`;

    return {
      total,
      page,
      pageSize: CASELOAD_PAGE_SIZE,
      sort,
      flag,
      flaggedOnly,
      patients: pageRows,
    };
  });
}
