// A person's notification preferences: which kinds are also emailed at once, which are counted in
// the daily summary email, quiet hours, and their time zone (User.timeZone, which the quiet hours
// and the summary's 7:00 are read in).
import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { NotFoundError, parseInput } from '@/lib/errors';
import { NotificationPreferences } from '@/lib/schemas/notifications';

const access = (action: 'read' | 'update') =>
  ({ permission: 'notification.read', action, resourceType: 'notification' }) as const;

/** The viewer's own preferences; defaults (in the app only, no quiet hours) until first saved. */
async function preferencesOf(tx: Tx, viewer: Viewer): Promise<NotificationPreferences> {
  // SECURITY: the viewer's own account, inside their organization.
  const user = await tx.user.findFirst({
    where: { id: viewer.userId, organizationId: viewer.organizationId },
    select: {
      timeZone: true,
      notificationSettings: {
        select: {
          emailKinds: true,
          digestKinds: true,
          quietHoursStart: true,
          quietHoursEnd: true,
        },
      },
    },
  });
  if (!user) throw new NotFoundError('account');
  const settings = user.notificationSettings;
  const { quietHoursStart: start, quietHoursEnd: end } = settings ?? {};
  return {
    emailKinds: settings?.emailKinds ?? [],
    digestKinds: settings?.digestKinds ?? [],
    quietHours: start && end ? { start, end } : null,
    timeZone: user.timeZone,
  };
}

/** Anyone signed in: their own notification preferences. */
export async function getNotificationPreferences(viewer: Viewer): Promise<NotificationPreferences> {
  return withOrganizationAccess(viewer, access('read'), async (tx, record) => {
    record.detail = 'preferences';
    return preferencesOf(tx, viewer);
  });
}

/** Anyone signed in: replaces their own preferences (400 with field paths when they do not fit). */
export async function updateNotificationPreferences(
  viewer: Viewer,
  input: unknown,
): Promise<NotificationPreferences> {
  const data = parseInput(NotificationPreferences, input);
  return withOrganizationAccess(viewer, access('update'), async (tx, record) => {
    record.detail = 'preferences';
    const updated = await tx.user.updateMany({
      where: { id: viewer.userId, organizationId: viewer.organizationId },
      data: { timeZone: data.timeZone },
    });
    if (updated.count === 0) throw new NotFoundError('account');
    const settings = {
      emailKinds: data.emailKinds,
      digestKinds: data.digestKinds,
      quietHoursStart: data.quietHours?.start ?? null,
      quietHoursEnd: data.quietHours?.end ?? null,
    };
    await tx.notificationSettings.upsert({
      where: { userId: viewer.userId },
      create: { userId: viewer.userId, ...settings },
      update: settings,
    });
    return preferencesOf(tx, viewer);
  });
}
