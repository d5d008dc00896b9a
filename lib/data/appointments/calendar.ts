import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { can, patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { recordAccess } from '@/lib/data/audit';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { withAppointmentAccess } from '@/lib/data/appointments/access';
import { appointmentPath } from '@/lib/data/appointments/request';
import { buildCalendar, initialsOf } from '@/lib/calendar/ics';
import { NotFoundError } from '@/lib/errors';
import {
  APPOINTMENT_KIND_WORDS,
  type CalendarFeedCreated,
  type CalendarFeedStatus,
} from '@/lib/schemas/appointments';

// Calendars (docs/decisions/026-appointments.md): one visit's "Add to calendar" file, and each
// clinician's private feed: a secret link a calendar app polls, carrying the minimum.

const DAY = 86_400_000;
/** The feed's window: visits from this many days ago… */
export const FEED_DAYS_BEFORE = 30;
/** …to this many days ahead. */
export const FEED_DAYS_AFTER = 90;

/** A calendar file: its text and the name to save it under. */
export type CalendarFile = { text: string; filename: string };

/** The stored form of a feed's secret: only its SHA-256 is kept. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The public address of a feed. */
export function feedUrl(token: string, origin: string): string {
  return new URL(`/api/v1/calendar/${token}.ics`, origin).toString();
}

/**
 * Everyone in scope (appointment.read): one visit as a calendar file, audited as a read of the
 * appointment. The patient's says "Therapy with Sam Okafor" and carries where it happens (the
 * place, or the link to join); a clinician's or an admin's names the patient. No reasons, no notes.
 */
export async function appointmentCalendar(
  viewer: Viewer,
  appointmentId: string,
  origin: string,
  now: Date = new Date(),
): Promise<CalendarFile> {
  return withAppointmentAccess(
    viewer,
    appointmentId,
    { permission: 'appointment.read', action: 'read', resourceType: 'appointment' },
    async (_tx, _patient, row) => {
      const kind = APPOINTMENT_KIND_WORDS[row.kind];
      const own = viewer.role === 'PATIENT';
      const place = row.modality === 'IN_PERSON' ? row.location : row.videoUrl;
      const text = buildCalendar({
        name: 'Triad appointment',
        origin,
        now,
        events: [
          {
            id: row.id,
            startsAt: row.startsAt,
            endsAt: row.endsAt,
            summary: own
              ? `${kind} with ${row.clinician.name}`
              : `${kind} – ${row.patient.account.name}`,
            status: row.status,
            url: new URL(
              own ? '/my-care/appointments' : appointmentPath(row.id),
              origin,
            ).toString(),
            location: place,
            description:
              row.modality === 'VIDEO' && row.videoUrl
                ? `Join the video visit: ${row.videoUrl}`
                : row.modality === 'PHONE'
                  ? 'A phone visit: your clinician will call you.'
                  : null,
            sequence: row.version,
          },
        ],
      });
      const day = row.startsAt.toISOString().slice(0, 10);
      return { text, filename: `triad-appointment-${day}.ics` };
    },
  );
}

const feedAccess = (action: 'read' | 'create' | 'revoke') =>
  ({ permission: 'calendarFeed.manage', action, resourceType: 'calendarFeed' }) as const;

/** The clinician's active feed, if any. */
function activeFeed(viewer: Viewer) {
  return { userId: viewer.userId, organizationId: viewer.organizationId, revokedAt: null };
}

/** Clinicians (calendarFeed.manage): whether their feed is on; never its secret. Audited. */
export async function calendarFeedStatus(viewer: Viewer): Promise<CalendarFeedStatus> {
  return withOrganizationAccess(viewer, feedAccess('read'), async (tx, record) => {
    const feed = await tx.calendarFeed.findFirst({
      where: activeFeed(viewer),
      select: { id: true, createdAt: true, lastFetchedAt: true },
      orderBy: { createdAt: 'desc' },
    });
    record.resourceId = feed?.id ?? null;
    return {
      active: feed !== null,
      createdAt: feed?.createdAt.toISOString() ?? null,
      lastFetchedAt: feed?.lastFetchedAt?.toISOString() ?? null,
    };
  });
}

/**
 * Clinicians (calendarFeed.manage): a new secret feed link (32 random bytes, base64url), answered
 * this once: only its SHA-256 is stored. The clinician's previous link stops working. Audited as
 * 'create' of the calendarFeed. Not replayed by Idempotency-Key: a replay would need the secret,
 * which is stored nowhere; a repeat makes another link, and the link of the last answer works.
 */
export async function createCalendarFeed(
  viewer: Viewer,
  origin: string,
  now: Date = new Date(),
): Promise<CalendarFeedCreated> {
  const token = randomBytes(32).toString('base64url');
  return withOrganizationAccess(viewer, feedAccess('create'), async (tx, record) => {
    const { count } = await tx.calendarFeed.updateMany({
      where: activeFeed(viewer),
      data: { revokedAt: now },
    });
    const feed = await tx.calendarFeed.create({
      data: {
        organizationId: viewer.organizationId,
        userId: viewer.userId,
        tokenHash: feedTokenHash(token),
        createdAt: now,
      },
      select: { id: true, createdAt: true },
    });
    record.resourceId = feed.id;
    record.detail = count ? 'new feed link; the previous one turned off' : 'new feed link';
    return { id: feed.id, url: feedUrl(token, origin), createdAt: feed.createdAt.toISOString() };
  });
}

/** Clinicians (calendarFeed.manage): turns their feed off (nothing to turn off is fine). Audited. */
export async function revokeCalendarFeed(viewer: Viewer, now: Date = new Date()): Promise<void> {
  await withOrganizationAccess(viewer, feedAccess('revoke'), async (tx, record) => {
    const feeds = await tx.calendarFeed.findMany({
      where: activeFeed(viewer),
      select: { id: true },
    });
    await tx.calendarFeed.updateMany({ where: activeFeed(viewer), data: { revokedAt: now } });
    record.resourceId = feeds[0]?.id ?? null;
    record.detail = feeds.length ? 'feed link turned off' : 'no feed link was on';
  });
}

/** Where a feed fetch came from, for its audit event. */
export type FeedRequest = { ip?: string; userAgent?: string; requestId?: string };

/**
 * Anyone holding the link (public): the feed's clinician's visits from 30 days ago to 90 days
 * ahead, with the minimum: the patient's initials and the kind, the times, the status, a link to
 * the visit in Triad. No names, no place or video link, no reasons, no notes. SECURITY: the secret
 * is looked up by its SHA-256 (an index lookup of a hash: nothing about the secret leaks through
 * timing); unknown, revoked, or its clinician disabled or no longer a clinician: NotFoundError.
 * Only visits of patients on the clinician's active care teams, in their organization. Each fetch
 * is one audit event ('read' of the calendarFeed, by the clinician, naming no patient) and sets
 * lastFetchedAt.
 */
export async function readCalendarFeed(
  token: string,
  origin: string,
  request: FeedRequest = {},
  now: Date = new Date(),
): Promise<CalendarFile> {
  const feed = await db.calendarFeed.findFirst({
    where: { tokenHash: feedTokenHash(token), revokedAt: null, user: { disabledAt: null } },
    select: {
      id: true,
      organizationId: true,
      user: { select: { id: true, role: true, name: true, email: true } },
    },
  });
  const owner: Viewer | null = feed && {
    userId: feed.user.id,
    organizationId: feed.organizationId,
    role: feed.user.role,
    name: feed.user.name,
    email: feed.user.email,
    ...request,
  };
  if (!feed || !owner || !can(owner, 'calendarFeed.manage'))
    throw new NotFoundError('calendar feed');
  return db.$transaction(async (tx) => {
    const visits = await tx.appointment.findMany({
      where: {
        organizationId: feed.organizationId,
        clinicianId: feed.user.id,
        // SECURITY: scope in the query: the clinician's active care teams only.
        patient: patientsInScope(owner),
        startsAt: {
          gte: new Date(now.getTime() - FEED_DAYS_BEFORE * DAY),
          lt: new Date(now.getTime() + FEED_DAYS_AFTER * DAY),
        },
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        kind: true,
        status: true,
        version: true,
        patient: { select: { account: { select: { name: true } } } },
      },
    });
    await tx.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now } });
    await recordAccess(tx, owner, 'read', 'calendarFeed', {
      resourceId: feed.id,
      detail: `calendar feed fetched (${visits.length} visits)`,
    });
    const text = buildCalendar({
      name: 'Triad visits',
      origin,
      now,
      events: visits.map((visit) => ({
        id: visit.id,
        startsAt: visit.startsAt,
        endsAt: visit.endsAt,
        summary: `${initialsOf(visit.patient.account.name)} – ${APPOINTMENT_KIND_WORDS[visit.kind]}`,
        status: visit.status,
        url: new URL(appointmentPath(visit.id), origin).toString(),
        sequence: visit.version,
      })),
    });
    return { text, filename: 'triad-visits.ics' };
  });
}
