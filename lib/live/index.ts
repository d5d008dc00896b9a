// The process's live-notification machinery: one hub and one listener, made on first use and
// kept across hot reloads in development (like lib/db.ts's pool).
import 'server-only';
import { env } from '@/lib/env';
import { NOTIFICATION_CHANNEL } from '@/lib/data/notifications/notify';
import { inboxSignatures } from '@/lib/data/notifications/live';
import { LiveHub } from '@/lib/live/hub';
import { NotificationListener } from '@/lib/live/listener';

export { LiveHub } from '@/lib/live/hub';
export { openLiveStream } from '@/lib/live/stream';

type Live = { hub: LiveHub; listener: NotificationListener };

const globalForLive = globalThis as unknown as { triadLive?: Live };

/** The hub of this process, its listener started (LISTEN, or the poll where LISTEN cannot work). */
export function liveHub(): LiveHub {
  if (!globalForLive.triadLive) {
    const hub = new LiveHub();
    const listener = new NotificationListener({
      connectionString: env.DATABASE_URL,
      channel: NOTIFICATION_CHANNEL,
      hub,
      signatures: inboxSignatures,
      forcePoll: process.env.LIVE_NOTIFY === 'poll',
    });
    globalForLive.triadLive = { hub, listener };
    void listener.start();
  }
  return globalForLive.triadLive.hub;
}

/** The running listener, if any (for tests and shutdown). */
export function liveListener(): NotificationListener | undefined {
  return globalForLive.triadLive?.listener;
}

/** Stops the listener and forgets it: the next liveHub() starts afresh. */
export async function stopLive(): Promise<void> {
  const live = globalForLive.triadLive;
  globalForLive.triadLive = undefined;
  await live?.listener.stop();
}
