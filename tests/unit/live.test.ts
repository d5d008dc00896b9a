// The live stream's pure parts: the hub's fan-out, the stream's framing and lifetime, the badge's
// words.
import { describe, expect, it, vi } from 'vitest';
import { LiveHub } from '@/lib/live/hub';
import { openLiveStream, type LiveCounts } from '@/lib/live/stream';
import { arrivalAnnouncement, inboxLabel } from '@/components/layout/inbox-badge';
import { isBackgroundPath } from '@/lib/auth/session-policy';

describe('LiveHub', () => {
  it('hands news to that user’s subscribers only, and forgets the ones that leave', () => {
    const hub = new LiveHub();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = hub.subscribe('a', (s) => a.push(s));
    hub.subscribe('b', (s) => b.push(s));
    hub.publish('a');
    hub.publish('nobody');
    expect([a, b]).toEqual([['changed'], []]);
    hub.resyncAll();
    expect([a, b]).toEqual([['changed', 'resync'], ['resync']]);
    stopA();
    hub.publish('a');
    expect(a).toHaveLength(2);
    expect(hub.userIds()).toEqual(['b']);
    expect(hub.size).toBe(1);
  });

  it('keeps delivering when one subscriber throws', () => {
    const hub = new LiveHub();
    const heard: string[] = [];
    hub.subscribe('a', () => {
      throw new Error('broken stream');
    });
    hub.subscribe('a', (s) => heard.push(s));
    hub.publish('a');
    expect(heard).toEqual(['changed']);
  });
});

async function drain(reader: ReadableStreamDefaultReader<string>, into: string[]) {
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    into.push(value);
  }
}

describe('openLiveStream', () => {
  it('sends the counts at once, again on news (one read at a time), a heartbeat, and ends', async () => {
    vi.useFakeTimers();
    try {
      const hub = new LiveHub();
      let counts: LiveCounts = { unread: 0, urgent: 0 };
      const readCounts = vi.fn(async () => counts);
      const client = new AbortController();
      const response = await openLiveStream({
        userId: 'u',
        hub,
        readCounts,
        signal: client.signal,
        heartbeatMs: 1_000,
        lifetimeMs: 10_000,
      });
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const chunks: string[] = [];
      const done = drain(response.body!.pipeThrough(new TextDecoderStream()).getReader(), chunks);
      await vi.advanceTimersByTimeAsync(0);
      expect(chunks.join('')).toBe(
        'retry: 3000\n\nevent: counts\ndata: {"unread":0,"urgent":0}\n\n',
      );
      counts = { unread: 2, urgent: 1 };
      hub.publish('u');
      hub.publish('u');
      await vi.advanceTimersByTimeAsync(1_000);
      const text = chunks.join('');
      expect(text).toContain('event: counts\ndata: {"unread":2,"urgent":1}\n\n');
      expect(text).toContain(': keep-alive\n\n');
      // The first read, then at most two for two signals close together.
      expect(readCounts.mock.calls.length).toBeLessThanOrEqual(3);
      expect(hub.size).toBe(1);
      await vi.advanceTimersByTimeAsync(10_000);
      await done;
      expect(hub.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('unsubscribes when the client goes away', async () => {
    const hub = new LiveHub();
    const client = new AbortController();
    const response = await openLiveStream({
      userId: 'u',
      hub,
      readCounts: async () => ({ unread: 0, urgent: 0 }),
      signal: client.signal,
    });
    expect(hub.size).toBe(1);
    client.abort();
    expect(hub.size).toBe(0);
    await response.body!.cancel();
  });

  it('fails before answering when the first read fails, leaving no subscriber', async () => {
    const hub = new LiveHub();
    await expect(
      openLiveStream({
        userId: 'u',
        hub,
        readCounts: async () => {
          throw new Error('database away');
        },
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('database away');
    expect(hub.size).toBe(0);
  });
});

describe('the inbox badge’s words', () => {
  it.each([
    [undefined, 'Inbox'],
    [{ unread: 0, urgent: 0 }, 'Inbox, no unread'],
    [{ unread: 3, urgent: 0 }, 'Inbox, 3 unread'],
    [{ unread: 3, urgent: 1 }, 'Inbox, 3 unread, 1 urgent'],
  ])('names %j "%s"', (counts, label) => {
    expect(inboxLabel(counts)).toBe(label);
  });

  it('announces a rise only, urgent first', () => {
    const zero = { unread: 0, urgent: 0 };
    expect(arrivalAnnouncement(undefined, { unread: 3, urgent: 0 })).toBeNull();
    expect(arrivalAnnouncement(zero, { unread: 1, urgent: 0 })).toBe(
      'New in your inbox: 1 unread.',
    );
    expect(arrivalAnnouncement(zero, { unread: 1, urgent: 1 })).toBe(
      'Urgent: 1 urgent item in your inbox.',
    );
    expect(arrivalAnnouncement({ unread: 2, urgent: 0 }, { unread: 1, urgent: 0 })).toBeNull();
  });
});

describe('isBackgroundPath', () => {
  it('marks the badge’s counts and stream, nothing else', () => {
    expect(isBackgroundPath('/api/v1/notifications/counts')).toBe(true);
    expect(isBackgroundPath('/api/v1/notifications/stream')).toBe(true);
    expect(isBackgroundPath('/api/v1/notifications/stream/')).toBe(true);
    expect(isBackgroundPath('/api/v1/notifications')).toBe(false);
    expect(isBackgroundPath('/api/v1/me')).toBe(false);
  });
});
