// The periodic work of the delivery issue (escalations, reminders, digests), each a "tick" that
// finds what is due at `now` and queues it, idempotently (dedupe keys), so running a tick twice,
// or on two servers at once, queues nothing twice. The job runner (lib/jobs) runs every tick once
// a minute; tests call a tick with a moved clock.
export type Tick = {
  name: string;
  /** Queues what is due at `now`; returns how many items it queued. */
  run: (now: Date) => Promise<number>;
};

/** Every tick, in the order the runner calls them. Each module adds its own here. */
export const TICKS: Tick[] = [];
