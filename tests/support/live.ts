// Helpers of the live-notification tests: a hub that records what it hears, and waiting.
import type { LiveHub, LiveSignal } from '@/lib/live/hub';

/** Records every signal `hub` gives `userIds` until `stop()`. */
export function recordSignals(hub: LiveHub, userIds: string[]) {
  const heard: { userId: string; signal: LiveSignal; at: number }[] = [];
  const stops = userIds.map((userId) =>
    hub.subscribe(userId, (signal) => heard.push({ userId, signal, at: Date.now() })),
  );
  return { heard, stop: () => stops.forEach((stop) => stop()) };
}

/** Resolves once `check` is true, or fails after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 10_000, what = 'the condition') {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reads a live stream's events as they come: `events` fills, `next(pred)` waits for one. */
export function readEvents(response: Response) {
  const events: { event: string; data: unknown; at: number }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const lines = block.split('\n');
        const event =
          lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim() ?? 'message';
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim());
        if (data.length) events.push({ event, data: JSON.parse(data.join('\n')), at: Date.now() });
      }
    }
    ended = true;
  })();
  return {
    events,
    get ended() {
      return ended;
    },
    pump,
    cancel: () => reader.cancel().catch(() => {}),
  };
}
