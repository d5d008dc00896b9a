// The inbox's reading side (lib/data/notifications): the list, marking read, the preferences and
// the missed check-in sweep. Items are written by ./notify.ts in the transaction of their event.
import 'server-only';

export {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '@/lib/data/notifications/inbox';
export {
  getNotificationPreferences,
  updateNotificationPreferences,
} from '@/lib/data/notifications/preferences';
export {
  MISSED_CHECK_IN_DAYS,
  sweepMissedCheckInsTx,
} from '@/lib/data/notifications/missed-check-ins';
export { unreadByPatient } from '@/lib/data/notifications/unread-by-patient';
