// The daily summary email (issue 13, point 3): at 7:00 in each person's time zone, one DIGEST
// email with how many unread items of their "daily summary" kinds arrived since the last one,
// a count and nothing else (no PHI), then `lastDigestAt = now`; nothing when the count is 0.
// A tick (lib/jobs/ticks.ts) runs it every minute; it acts within the 7 o'clock hour only, once a
// day per person: an advisory lock and `lastDigestAt` make two servers, or two minutes, one email,
// and the dedupe key `digest:<userId>:<local date>` makes sure of it.
import 'server-only';
import { db } from '@/lib/db';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { lockFor } from '@/lib/data/lock';
import { wallClock, zonedInstant } from '@/lib/zoned-time';

/** The local hour the summary goes out. */
export const DIGEST_HOUR = 7;

/** Counted when there was no summary before: the last day's items. */
const FIRST_DIGEST_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Tests run a tick over their own organization only (`{ organizationId }`); the runner, all. */
export type TickScope = { organizationId: string };

export const digestKey = (userId: string, localDate: string) => `digest:${userId}:${localDate}`;

/** One person's summary, if it is due at `now`; whether an email was queued. */
async function digestFor(userId: string, organizationId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockFor(tx, 'digest', userId);
    const user = await tx.user.findFirst({
      where: { id: userId, organizationId, disabledAt: null },
      select: {
        timeZone: true,
        notificationSettings: { select: { digestKinds: true, lastDigestAt: true } },
      },
    });
    const settings = user?.notificationSettings;
    if (!user || !settings || settings.digestKinds.length === 0) return false;
    const clock = wallClock(user.timeZone, now);
    if (clock.hour !== DIGEST_HOUR) return false;
    const dueAt = zonedInstant(user.timeZone, clock.date, DIGEST_HOUR);
    // Today's summary was already decided (sent, or nothing to send).
    if (settings.lastDigestAt && settings.lastDigestAt >= dueAt) return false;
    const since = settings.lastDigestAt ?? new Date(now.getTime() - FIRST_DIGEST_WINDOW_MS);
    const count = await tx.notification.count({
      where: {
        recipientId: userId,
        organizationId,
        readAt: null,
        kind: { in: settings.digestKinds },
        createdAt: { gt: since, lte: now },
      },
    });
    const queued =
      count > 0 &&
      (await queueEmailTx(tx, organizationId, {
        recipientId: userId,
        purpose: 'DIGEST',
        link: '/inbox',
        dedupeKey: digestKey(userId, clock.date),
        count,
      }));
    await tx.notificationSettings.update({ where: { userId }, data: { lastDigestAt: now } });
    return queued;
  });
}

/**
 * The digest tick: every person with summary kinds whose local time is in the 7 o'clock hour at
 * `now` gets their summary, once. Returns how many emails it queued. `only` (tests): one
 * organization.
 */
export async function runDigests(now: Date, only?: TickScope): Promise<number> {
  const people = await db.notificationSettings.findMany({
    where: { digestKinds: { isEmpty: false }, user: { disabledAt: null, ...only } },
    select: { userId: true, user: { select: { organizationId: true, timeZone: true } } },
  });
  let queued = 0;
  for (const person of people) {
    if (wallClock(person.user.timeZone, now).hour !== DIGEST_HOUR) continue;
    if (await digestFor(person.userId, person.user.organizationId, now)) queued += 1;
  }
  return queued;
}
