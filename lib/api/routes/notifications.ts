// The inbox and notification preferences (docs/decisions/020-inbox.md). The unread counts and the
// live stream are lib/api/routes of their own (the live helper's).
import { defineRoute } from '@/lib/api/define-route';
import {
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  updateNotificationPreferences,
} from '@/lib/data/notifications';
import {
  NotificationListQuery,
  NotificationPage,
  NotificationParams,
  NotificationPreferences,
  NotificationResult,
  ReadAllResult,
} from '@/lib/schemas/notifications';

const OWN = 'Anyone signed in, for their own inbox.';
/** Each person's own inbox: every role has one. */
const inbox = { tag: 'Inbox', permission: 'notification.read' } as const;

/** The routes of the inbox. */
export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications',
    ...inbox,
    summary: 'My inbox',
    who: `${OWN} Items about a patient no longer in the reader’s scope (a care team they left) are not listed. For a clinician, listing first writes any missed check-in streak items their patients are due.`,
    query: NotificationListQuery,
    success: {
      status: 200,
      description:
        'Items that need attention (urgent, their safety flag still open) first, newest first among them; then the rest, newest first. `nextCursor` fetches the next page.',
      schema: NotificationPage,
    },
    handler: ({ viewer, query }) => listNotifications(viewer, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/{notificationId}/read',
    ...inbox,
    summary: 'Mark one item read',
    who: `${OWN} Someone else’s item, or one about a patient out of the reader’s scope, is 404. An item that still needs attention is 409 until someone on the care team acknowledges its flag. Marking an item already read changes nothing.`,
    params: NotificationParams,
    success: { status: 200, description: 'The item as it is now.', schema: NotificationResult },
    problems: [409],
    handler: async ({ viewer, params }) => ({
      notification: await markNotificationRead(viewer, params.notificationId),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    ...inbox,
    summary: 'Mark every item read',
    who: `${OWN} Items that still need attention stay unread.`,
    success: {
      status: 200,
      description: 'How many items were marked read, and how many still need attention.',
      schema: ReadAllResult,
    },
    handler: ({ viewer }) => markAllNotificationsRead(viewer),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/notification-preferences',
    ...inbox,
    summary: 'My notification preferences',
    who: 'Anyone signed in, for their own account. Until first saved: every kind in the app only, no quiet hours.',
    success: { status: 200, description: 'The preferences.', schema: NotificationPreferences },
    handler: ({ viewer }) => getNotificationPreferences(viewer),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/me/notification-preferences',
    ...inbox,
    summary: 'Change my notification preferences',
    who: 'Anyone signed in, for their own account. Email delivery is not built yet: the kinds chosen are kept for when it is. Urgent safety items ignore quiet hours.',
    body: NotificationPreferences,
    success: {
      status: 200,
      description: 'The preferences as saved.',
      schema: NotificationPreferences,
    },
    handler: ({ viewer, body }) => updateNotificationPreferences(viewer, body),
  }),
] as const;
