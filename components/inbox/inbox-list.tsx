import Link from 'next/link';
import { OpenItemLink } from '@/components/inbox/open-item-link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { Notification, NotificationKind } from '@/lib/schemas/notifications';

/** A short name for each kind, shown above the item's summary. */
const KIND_LABELS: Record<NotificationKind, string> = {
  SAFETY_FLAG_RAISED: 'Safety flag',
  SAFETY_FLAG_ACKNOWLEDGED: 'Flag acknowledged',
  SAFETY_FLAG_RESOLVED: 'Flag resolved',
  PLAN_REVIEW_REQUESTED: 'Plan review requested',
  CARE_TEAM_MESSAGE: 'Care-team message',
  MEDICATION_CHANGE: 'Medication change',
  PLAN_VERSION: 'Plan updated',
  PLAN_COMMENT: 'Plan comment',
  SEVERE_SIDE_EFFECT: 'Severe side effect',
  SCORE_WORSENED: 'Score worsened',
  MISSED_CHECK_INS: 'Missed check-ins',
  SESSION_NOTE_SIGNED: 'Session note',
  PATIENT_MESSAGE: 'Message',
  APPOINTMENT_CHANGE_REQUESTED: 'Appointment request',
  APPOINTMENT_UPDATED: 'Appointment',
  PLAN_MEDICATION_REVIEW: 'Review the plan',
};

/** The item's left bar: rose while it needs attention, teal while unread. */
function bar(item: Notification): string {
  if (item.needsAttention) return 'border-rose-700';
  return item.readAt === null ? 'border-teal-700 bg-teal-50/60' : 'border-transparent';
}

/**
 * One item: unread ones carry a "New" badge, a bar and bold words (not colour alone); the whole
 * summary is the link, which marks the item read on the way when it may be.
 */
function InboxItem({ item, showPatient }: { item: Notification; showPatient: boolean }) {
  const unread = item.readAt === null;
  const label = KIND_LABELS[item.kind];
  return (
    <li className={`border-l-4 py-3 pr-2 pl-3 sm:pl-4 ${bar(item)}`}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        {showPatient && item.patient ? (
          <span className="font-medium text-slate-800">{item.patient.name}</span>
        ) : null}
        <span>{label}</span>
        {item.needsAttention ? <Badge tone="rose">Urgent</Badge> : null}
        {unread ? <Badge tone="teal">New</Badge> : null}
      </div>
      <OpenItemLink
        id={item.id}
        href={item.link}
        markRead={unread && !item.needsAttention}
        className={`mt-1 block rounded-sm break-words text-teal-900 underline decoration-teal-800/30 hover:decoration-teal-800 ${unread ? 'font-semibold' : ''}`}
      >
        {unread ? <span className="sr-only">Unread: </span> : null}
        {item.summary}
      </OpenItemLink>
      <p className="mt-1 text-xs text-slate-600">
        <LocalDateTime iso={item.createdAt} />
      </p>
    </li>
  );
}

/** A list of items under its heading. */
export function InboxSection({
  id,
  title,
  description,
  items,
  showPatient,
  urgent = false,
}: {
  id: string;
  title: string;
  description?: string;
  items: Notification[];
  showPatient: boolean;
  urgent?: boolean;
}) {
  return (
    <section
      aria-labelledby={id}
      className={
        urgent
          ? 'rounded-xl border-2 border-rose-300 bg-rose-50 p-4 sm:p-5'
          : 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5'
      }
    >
      <h2
        id={id}
        className={`text-lg font-semibold ${urgent ? 'text-rose-950' : 'text-slate-900'}`}
      >
        {title}
      </h2>
      {description ? (
        <p className={`mt-1 text-sm ${urgent ? 'text-rose-950' : 'text-slate-600'}`}>
          {description}
        </p>
      ) : null}
      <ul className={`mt-3 divide-y ${urgent ? 'divide-rose-200 bg-white' : 'divide-slate-200'}`}>
        {items.map((item) => (
          <InboxItem key={item.id} item={item} showPatient={showPatient} />
        ))}
      </ul>
    </section>
  );
}

/**
 * A page of the inbox: what needs attention in its own highlighted section first, then the rest
 * (newest first, as listed); "You're all caught up." when there is nothing.
 */
export function InboxItems({
  items,
  unread,
  showPatient,
}: {
  items: Notification[];
  unread: boolean;
  showPatient: boolean;
}) {
  if (items.length === 0) {
    return (
      <EmptyState title="You’re all caught up.">
        <p>
          {unread ? 'Nothing unread.' : 'Nothing here yet.'} New items appear here as they happen.
        </p>
      </EmptyState>
    );
  }
  const attention = items.filter((item) => item.needsAttention);
  const rest = items.filter((item) => !item.needsAttention);
  return (
    <div className="space-y-6">
      {attention.length > 0 ? (
        <InboxSection
          id="inbox-attention"
          title="Needs your attention"
          description="Urgent safety items stay here until someone on the care team acknowledges the flag. Open one to see the answers and acknowledge it."
          items={attention}
          showPatient={showPatient}
          urgent
        />
      ) : null}
      {rest.length > 0 ? (
        <InboxSection
          id="inbox-items"
          title={unread ? 'Unread' : attention.length > 0 ? 'Everything else' : 'Notifications'}
          items={rest}
          showPatient={showPatient}
        />
      ) : null}
    </div>
  );
}

const filterClass = (current: boolean) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${current ? 'bg-teal-700 text-white' : 'text-teal-900 underline hover:bg-teal-50'}`;

/** All or unread only: links, so the choice is in the address and survives a reload. */
export function InboxFilter({ unread }: { unread: boolean }) {
  return (
    <nav aria-label="Show" className="flex gap-1">
      <Link
        href="/inbox"
        aria-current={unread ? undefined : 'page'}
        className={filterClass(!unread)}
      >
        All
      </Link>
      <Link
        href="/inbox?show=unread"
        aria-current={unread ? 'page' : undefined}
        className={filterClass(unread)}
      >
        Unread
      </Link>
    </nav>
  );
}
