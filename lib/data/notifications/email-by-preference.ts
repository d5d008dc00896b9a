// What is emailed when an inbox item is written (issue 13, point 3), in the item's transaction:
// an urgent safety item always and at once (quiet hours ignored); a kind the recipient chose
// "Email at once" now, or when their quiet hours end; a kind they chose for the daily summary
// waits for the digest tick (./digest.ts); any other kind stays in the app. The email says only
// that something is new (lib/mail/templates.ts): no PHI. No 'server-only', no db import: notifyTx
// calls it, and the demo seed writes its events through notifyTx.
import type { Tx } from '@/lib/db';
import type { NotificationKind } from '@/lib/schemas/enums';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { quietHoursEnd } from '@/lib/zoned-time';

/** An item just written, as its email needs it. */
export type WrittenItem = {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  urgent: boolean;
};

/** One email per inbox item: its key. */
export const notificationEmailKey = (notificationId: string) => `notification:${notificationId}`;

/** SECURITY: an urgent safety item reaches the care team by email whatever they chose. */
export function alwaysEmailed(item: Pick<WrittenItem, 'kind' | 'urgent'>): boolean {
  return item.kind === 'SAFETY_FLAG_RAISED' && item.urgent;
}

/**
 * Queues, in `tx`, the emails `items` call for by each recipient's preferences. Returns how many
 * it queued. `now` is the event's time (tests move it).
 */
export async function emailItemsTx(
  tx: Tx,
  organizationId: string,
  items: WrittenItem[],
  now: Date,
): Promise<number> {
  if (items.length === 0) return 0;
  const recipients = await tx.user.findMany({
    where: {
      id: { in: [...new Set(items.map((item) => item.recipientId))] },
      organizationId,
      disabledAt: null,
    },
    select: {
      id: true,
      timeZone: true,
      notificationSettings: {
        select: { emailKinds: true, quietHoursStart: true, quietHoursEnd: true },
      },
    },
  });
  const byId = new Map(recipients.map((r) => [r.id, r]));
  let queued = 0;
  for (const item of items) {
    const recipient = byId.get(item.recipientId);
    if (!recipient) continue;
    const settings = recipient.notificationSettings;
    const urgent = alwaysEmailed(item);
    if (!urgent && !settings?.emailKinds.includes(item.kind)) continue;
    const quiet =
      settings?.quietHoursStart && settings.quietHoursEnd
        ? { start: settings.quietHoursStart, end: settings.quietHoursEnd }
        : null;
    const notBefore = urgent
      ? undefined
      : (quietHoursEnd(recipient.timeZone, quiet, now) ?? undefined);
    const done = await queueEmailTx(tx, organizationId, {
      recipientId: item.recipientId,
      purpose: 'NOTIFICATION',
      link: '/inbox',
      dedupeKey: notificationEmailKey(item.id),
      notBefore,
    });
    if (done) queued += 1;
  }
  return queued;
}
