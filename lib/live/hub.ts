// The in-process fan-out of the live stream: one hub per app process, fed by the process's one
// listener (./listener.ts), handing each "something new for user X" to that user's open streams.
// It carries no data, only the news that there is some: each stream reads its own counts again.

/** What a stream hears: news for its user, or "you may have missed news, read again". */
export type LiveSignal = 'changed' | 'resync';

type Subscriber = (signal: LiveSignal) => void;

export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();

  /** Calls `subscriber` on news for `userId` until the returned function is called. */
  subscribe(userId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(userId);
    if (!set) {
      set = new Set();
      this.subscribers.set(userId, set);
    }
    set.add(subscriber);
    return () => {
      const current = this.subscribers.get(userId);
      if (!current) return;
      current.delete(subscriber);
      if (current.size === 0) this.subscribers.delete(userId);
    };
  }

  /** News for one user (a notification's payload); anyone else's streams hear nothing. */
  publish(userId: string, signal: LiveSignal = 'changed'): void {
    for (const subscriber of [...(this.subscribers.get(userId) ?? [])]) {
      try {
        subscriber(signal);
      } catch {
        // One broken stream must not keep the news from the others.
      }
    }
  }

  /** After a reconnect: every stream reads again, since notifications may have been missed. */
  resyncAll(): void {
    for (const userId of [...this.subscribers.keys()]) this.publish(userId, 'resync');
  }

  /** The users with an open stream in this process. */
  userIds(): string[] {
    return [...this.subscribers.keys()];
  }

  /** Open streams in this process. */
  get size(): number {
    let total = 0;
    for (const set of this.subscribers.values()) total += set.size;
    return total;
  }
}
