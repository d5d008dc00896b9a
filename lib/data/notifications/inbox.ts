// Reading one's own inbox: the list (items that need attention first, then the rest newest first),
// marking one or all read. Every read goes through inboxScope (./scope.ts): one's own items, in
// one's organization, about a patient still in one's scope.
//
// Audit (docs/decisions/020-inbox.md): one event per request, resource `notification`, with no
// patient: the list is the reader's own mail, written for them by events they were entitled to
// see, and the Notification rows already record who was told what and when they opened it
// (readAt). Opening an item lands on the record itself, which withPatientAccess audits per patient.
import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { can } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { keysetPage, afterKey } from '@/lib/data/recipes';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { inboxScope, NEEDS_ATTENTION } from '@/lib/data/notifications/scope';
import { sweepMissedCheckInsTx } from '@/lib/data/notifications/missed-check-ins';
import { ConflictError, NotFoundError, parseInput } from '@/lib/errors';
import {
  NotificationListQuery,
  type Notification,
  type NotificationPage,
  type ReadAllResult,
} from '@/lib/schemas/notifications';

const select = {
  id: true,
  kind: true,
  urgent: true,
  summary: true,
  link: true,
  createdAt: true,
  readAt: true,
  patient: { select: { id: true, account: { select: { name: true } } } },
  safetyFlag: { select: { status: true } },
} satisfies Prisma.NotificationSelect;

type Row = Prisma.NotificationGetPayload<{ select: typeof select }>;

/** Urgent with its flag still OPEN: the same rule as NEEDS_ATTENTION, on a row read with it. */
function needsAttention(row: Row): boolean {
  return row.urgent && row.safetyFlag?.status === 'OPEN';
}

function toNotification(row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind,
    urgent: row.urgent,
    needsAttention: needsAttention(row),
    summary: row.summary,
    link: row.link,
    patient: row.patient ? { id: row.patient.id, name: row.patient.account.name } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The two sections of the inbox, in their order: what needs attention, then the rest. */
type Section = 'attention' | 'rest';
const SECTION_WHERE: Record<Section, Prisma.NotificationWhereInput> = {
  attention: NEEDS_ATTENTION,
  rest: { NOT: NEEDS_ATTENTION },
};
type Key = { section: Section; value: Date; id: string };

// A page reads its rows' own columns only: the section says whether a row needs attention (read
// in the same transaction with NEEDS_ATTENTION), and the patients' names come in one read for the
// page, rather than Prisma's three extra reads per section for the nested relations.
const { patient: _patient, safetyFlag: _flag, ...columns } = select;
const pageSelect = { ...columns, patientId: true } satisfies Prisma.NotificationSelect;
type PageRow = Prisma.NotificationGetPayload<{ select: typeof pageSelect }>;
type Tagged = PageRow & { section: Section; patientName: string | null };

/** Up to `take` rows of one section after `after` (newest first, then id). */
async function sectionRows(
  tx: Tx,
  where: Prisma.NotificationWhereInput,
  section: Section,
  after: Key | undefined,
  take: number,
): Promise<(PageRow & { section: Section })[]> {
  if (take <= 0) return [];
  const rows = await tx.notification.findMany({
    where: {
      AND: [
        where,
        SECTION_WHERE[section],
        ...(after ? [afterKey('createdAt', after, 'desc')] : []),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: pageSelect,
  });
  return rows.map((row) => ({ ...row, section }));
}

/** The names of the patients a page's rows are about (SECURITY: ids from rows read in scope). */
async function withPatientNames(
  tx: Tx,
  viewer: Viewer,
  rows: (PageRow & { section: Section })[],
): Promise<Tagged[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.patientId ? [row.patientId] : [])))];
  const patients =
    ids.length === 0
      ? []
      : await tx.patient.findMany({
          where: { id: { in: ids }, organizationId: viewer.organizationId },
          select: { id: true, account: { select: { name: true } } },
        });
  const names = new Map(patients.map((p) => [p.id, p.account.name]));
  return rows.map((row) => ({
    ...row,
    patientName: row.patientId ? (names.get(row.patientId) ?? null) : null,
  }));
}

function pageItem(row: Tagged): Notification {
  return {
    id: row.id,
    kind: row.kind,
    urgent: row.urgent,
    needsAttention: row.section === 'attention',
    summary: row.summary,
    link: row.link,
    patient:
      row.patientId && row.patientName !== null
        ? { id: row.patientId, name: row.patientName }
        : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * One page of the inbox. The order has two levels (needs attention, then newest) and the first is
 * not a column, so the cursor is `<section>.<id>` (lib/schemas/notifications.ts): the section the
 * last item was shown in, and the item, looked up in the reader's scope (SECURITY: a cursor naming
 * someone else's item is a 400, as keysetPage does). A page that ends in "attention" goes on with
 * the rest of that section, then the other from its start. An item whose flag is acknowledged
 * between two pages may show again in the second section; none is skipped (a flag never reopens).
 */
function inboxPage(
  tx: Tx,
  viewer: Viewer,
  query: { unread: boolean; cursor?: string; limit: number },
): Promise<NotificationPage> {
  const scope = inboxScope(viewer);
  const where: Prisma.NotificationWhereInput = query.unread
    ? { AND: [scope, { readAt: null }] }
    : scope;
  return keysetPage<Tagged, Key, Notification>({
    cursor: query.cursor,
    limit: query.limit,
    // The key is looked up in the reader's scope, not the unread filter: an item read since the
    // page was shown still marks the place.
    findKey: async (cursor) => {
      const [section, id] = cursor.split('.') as [Section, string];
      const row = await tx.notification.findFirst({
        where: { AND: [scope, { id }] },
        select: { id: true, createdAt: true },
      });
      return row && { section, value: row.createdAt, id: row.id };
    },
    fetch: async (after, take) => {
      const first =
        after?.section === 'rest' ? [] : await sectionRows(tx, where, 'attention', after, take);
      const restAfter = after?.section === 'rest' ? after : undefined;
      const rest = await sectionRows(tx, where, 'rest', restAfter, take - first.length);
      return withPatientNames(tx, viewer, [...first, ...rest]);
    },
    cursorOf: (row) => `${row.section}.${row.id}`,
    toItem: pageItem,
  });
}

const access = (action: 'list' | 'update', resourceId?: string) =>
  ({ permission: 'notification.read', action, resourceType: 'notification', resourceId }) as const;

/**
 * Anyone signed in: their own inbox, a page at a time (`unread`, `cursor`, `limit`). For a
 * clinician it first writes the missed check-in items their patients are due (the sweep).
 */
export async function listNotifications(
  viewer: Viewer,
  query: NotificationListQuery = {},
): Promise<NotificationPage> {
  const parsed = parseInput(NotificationListQuery, query);
  // The sweep covers the reader's caseload (active care teams): clinicians only, and it writes,
  // so a clinician's list runs in a transaction; a patient's is a plain read.
  const sweeps = can(viewer, 'caseload.read');
  const listing = sweeps ? { ...access('list'), writes: true as const } : access('list');
  return withOrganizationAccess(viewer, listing, async (tx, record) => {
    if (sweeps) await sweepMissedCheckInsTx(tx, viewer);
    const page = await inboxPage(tx, viewer, parsed);
    record.detail = `${page.items.length} items${parsed.unread ? ', unread only' : ''}`;
    return page;
  });
}

/**
 * Anyone signed in, for an item of their own inbox: marks it read and answers it. Someone else's
 * item, or one about a patient no longer in scope, is 404; an item that still needs attention
 * (urgent, its flag OPEN) is 409 until someone acknowledges the flag.
 */
export async function markNotificationRead(
  viewer: Viewer,
  notificationId: string,
): Promise<Notification> {
  return withOrganizationAccess(viewer, access('update', notificationId), async (tx) => {
    // SECURITY: the item is looked up inside the reader's inbox scope, never by id alone.
    const row = await tx.notification.findFirst({
      where: { AND: [inboxScope(viewer), { id: notificationId }] },
      select,
    });
    if (!row) throw new NotFoundError('notification');
    if (needsAttention(row)) {
      throw new ConflictError(
        'Acknowledge the flag first: an urgent item stays unread until someone on the care team acknowledges its safety flag.',
      );
    }
    if (row.readAt) return toNotification(row);
    const readAt = new Date();
    await tx.notification.updateMany({ where: { id: row.id, readAt: null }, data: { readAt } });
    return toNotification({ ...row, readAt });
  });
}

/**
 * Anyone signed in: marks every unread item of their own inbox read, except those that still need
 * attention; answers how many it marked and how many it left for that reason.
 */
export async function markAllNotificationsRead(viewer: Viewer): Promise<ReadAllResult> {
  return withOrganizationAccess(viewer, access('update'), async (tx, record) => {
    const unread = { AND: [inboxScope(viewer), { readAt: null }] };
    const { count } = await tx.notification.updateMany({
      where: { AND: [unread, { NOT: NEEDS_ATTENTION }] },
      data: { readAt: new Date() },
    });
    const needingAttention = await tx.notification.count({
      where: { AND: [unread, NEEDS_ATTENTION] },
    });
    record.detail = `marked ${count} read`;
    return { marked: count, needingAttention };
  });
}
