// One person's live stream (text/event-stream): their counts at once, then again whenever the hub
// has news for them, a comment every 25 s so proxies keep the connection, and an end after a few
// minutes so that the browser reconnects and the session is checked again (the stream itself
// never renews it). Closed cleanly when the client goes away.
import type { LiveHub } from '@/lib/live/hub';

export type LiveCounts = { unread: number; urgent: number };

export type LiveStreamOptions = {
  userId: string;
  hub: LiveHub;
  readCounts: () => Promise<LiveCounts>;
  /** The request's signal: aborted when the client disconnects. */
  signal: AbortSignal;
  heartbeatMs?: number;
  /** How long one stream lives before the client must reconnect (and be authenticated again). */
  lifetimeMs?: number;
  /** What EventSource waits before it reconnects. */
  retryMs?: number;
};

export const LIVE_HEARTBEAT_MS = 25_000;
export const LIVE_LIFETIME_MS = 5 * 60_000;
export const LIVE_RETRY_MS = 3_000;

const encoder = new TextEncoder();

/** An SSE event of the counts. */
export function countsEvent(counts: LiveCounts): string {
  return `event: counts\ndata: ${JSON.stringify({ unread: counts.unread, urgent: counts.urgent })}\n\n`;
}

/**
 * Subscribes first, then reads the counts (so nothing committed in between is missed), and
 * answers the stream. A failed first read throws, so the caller answers a problem instead.
 */
export async function openLiveStream(options: LiveStreamOptions): Promise<Response> {
  const { hub, userId, readCounts, signal } = options;
  const state = { started: false, pending: false, closed: false, reading: false };
  let onSignal = () => {
    state.pending = true;
  };
  const unsubscribe = hub.subscribe(userId, () => onSignal());
  let first: LiveCounts;
  try {
    first = await readCounts();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (state.closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // One read at a time; news during a read means one more read after it.
      const refresh = async () => {
        if (state.reading) {
          state.pending = true;
          return;
        }
        state.reading = true;
        try {
          do {
            state.pending = false;
            const counts = await readCounts();
            send(countsEvent(counts));
          } while (state.pending && !state.closed);
        } catch {
          // The database is away: end the stream; the browser reconnects after `retry`.
          close();
        } finally {
          state.reading = false;
        }
      };
      const heartbeat = setInterval(
        () => send(': keep-alive\n\n'),
        options.heartbeatMs ?? LIVE_HEARTBEAT_MS,
      );
      const lifetime = setTimeout(() => close(), options.lifetimeMs ?? LIVE_LIFETIME_MS);
      close = () => {
        if (state.closed) return;
        state.closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener('abort', close);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      signal.addEventListener('abort', close);
      send(`retry: ${options.retryMs ?? LIVE_RETRY_MS}\n\n`);
      send(countsEvent(first));
      onSignal = () => void refresh();
      if (signal.aborted) close();
      else if (state.pending) void refresh();
    },
    cancel() {
      close();
    },
  });
  return eventStream(body);
}

function eventStream(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // nginx and similar buffer responses unless told not to; a buffered stream is no stream.
      'X-Accel-Buffering': 'no',
    },
  });
}
