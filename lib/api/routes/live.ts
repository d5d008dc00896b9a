// The live header badge (docs/decisions/021-live-notifications.md): the reader's own unread
// counts, once or as a stream. Neither is audited (the reader's own two numbers, no patient named)
// and neither renews the idle session (proxy.ts counts both as background requests).
import 'server-only';
import { defineRoute } from '@/lib/api/define-route';
import { readUnreadCounts } from '@/lib/data/notifications/live';
import { liveHub, openLiveStream } from '@/lib/live';
import { NotificationCounts } from '@/lib/schemas/live';

const tag = 'Inbox';
const who = 'Anyone signed in, for their own inbox.';

export const liveRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/counts',
    tag,
    summary: 'My unread and urgent counts',
    who,
    permission: 'notification.read',
    success: { status: 200, description: 'The counts.', schema: NotificationCounts },
    handler: ({ viewer }): Promise<NotificationCounts> => readUnreadCounts(viewer),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/stream',
    tag,
    summary: 'My counts, live (Server-Sent Events)',
    who,
    permission: 'notification.read',
    success: {
      status: 200,
      contentType: 'text/event-stream',
      description:
        'An event stream: a `counts` event at once and whenever something arrives for you ' +
        '(its data is the schema below), a comment line every 25 s, and an end after 5 minutes ' +
        '(EventSource reconnects by itself, `retry` says when).',
      schema: NotificationCounts,
    },
    handler: ({ viewer, request }): Promise<Response> =>
      openLiveStream({
        userId: viewer.userId,
        hub: liveHub(),
        readCounts: () => readUnreadCounts(viewer),
        signal: request.signal,
      }),
  }),
];
