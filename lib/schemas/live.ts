// The header badge's counts, as GET /api/v1/notifications/counts answers them and each `counts`
// event of GET /api/v1/notifications/stream carries them.
import { z } from 'zod';

export const NotificationCounts = z.strictObject({
  unread: z.int().min(0).meta({ description: 'Unread inbox items.' }),
  urgent: z
    .int()
    .min(0)
    .meta({ description: 'Urgent items whose safety flag nobody has acknowledged yet.' }),
});
export type NotificationCounts = z.infer<typeof NotificationCounts>;
