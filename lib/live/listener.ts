// One LISTEN connection per app process (docs/decisions/021-live-notifications.md): a dedicated
// `pg` client, not one of the pool's, holds `LISTEN triad_notifications` and hands each payload (a
// recipient's user id, sent by notifyTx in the event's transaction, so only on commit) to the
// process's hub. Every app server runs its own, so a notification committed through any server
// reaches the streams open on all of them.
//
// When the connection drops it reconnects with exponential backoff, and then tells every stream to
// read again: notifications sent while it was away are lost. When LISTEN cannot work at all (the
// embedded PGlite server delivers a notification to the connection that committed it, not to the
// listener; a transaction-mode pooler does the same), a probe at start-up finds out and the
// listener falls back to polling: one query per interval for the users with an open stream.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { log } from '@/lib/log';
import type { LiveHub } from '@/lib/live/hub';

export type ListenerMode = 'idle' | 'connecting' | 'listen' | 'reconnecting' | 'poll' | 'stopped';

/** A fingerprint of each user's inbox; a user whose fingerprint changed has news. */
export type InboxSignatures = (userIds: string[]) => Promise<Map<string, string>>;

export type ListenerOptions = {
  connectionString: string;
  channel: string;
  hub: LiveHub;
  /** Read in poll mode. */
  signatures: InboxSignatures;
  /** Skip LISTEN and poll from the start. */
  forcePoll?: boolean;
  pollMs?: number;
  probeMs?: number;
  healthMs?: number;
  backoffMs?: { initial: number; max: number };
};

const PROBE_PREFIX = 'probe:';

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class NotificationListener {
  mode: ListenerMode = 'idle';
  /** Connections opened after the first (for tests and the log). */
  reconnects = 0;
  private client: pg.Client | null = null;
  private started: Promise<void> | null = null;
  private attempt = 0;
  private hasConnected = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private probeWaiter: { token: string; heard: () => void } | null = null;
  private polling = false;
  private readonly seen = new Map<string, string>();
  private readonly options: Required<Omit<ListenerOptions, 'forcePoll'>> & { forcePoll: boolean };

  constructor(options: ListenerOptions) {
    this.options = {
      pollMs: 5_000,
      probeMs: 3_000,
      healthMs: 30_000,
      backoffMs: { initial: 500, max: 30_000 },
      forcePoll: false,
      ...options,
    };
  }

  /** The database backend holding LISTEN, while connected (for tests and diagnostics). */
  get backendPid(): number | null {
    return (this.client as { processID?: number | null } | null)?.processID ?? null;
  }

  /** Starts listening (or polling); resolves once the first attempt has settled. Idempotent. */
  start(): Promise<void> {
    this.started ??= this.run();
    return this.started;
  }

  /** Closes the connection and every timer; the hub keeps its subscribers. */
  async stop(): Promise<void> {
    this.mode = 'stopped';
    for (const timer of [this.retryTimer, this.healthTimer, this.pollTimer]) {
      if (timer) clearTimeout(timer);
    }
    this.retryTimer = this.healthTimer = this.pollTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async run(): Promise<void> {
    if (this.options.forcePoll) return this.startPolling('LIVE_NOTIFY=poll');
    this.mode = 'connecting';
    try {
      await this.connect();
    } catch (error) {
      this.scheduleReconnect(error);
      return;
    }
    if (await this.probe()) return;
    // The connection dropped during the probe: the reconnect decides, not a lost probe.
    if ((this.mode as ListenerMode) !== 'listen') return;
    const client = this.client;
    this.client = null;
    if (this.healthTimer) clearInterval(this.healthTimer);
    await client?.query('UNLISTEN *').catch(() => {});
    await client?.end().catch(() => {});
    this.startPolling('a notification sent on another connection never reached the listener');
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    client.on('notification', (message) => this.heard(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(this.options.channel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.mode === 'stopped') {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.mode = 'listen';
    this.attempt = 0;
    // A dead peer that never closes the socket shows up as a failed query.
    this.healthTimer = setInterval(() => {
      client.query('SELECT 1').catch((error: unknown) => this.lost(client, error));
    }, this.options.healthMs);
    this.healthTimer.unref();
    if (this.hasConnected) {
      this.reconnects += 1;
      log.warn('live notifications: listening again; open streams read their counts again', {
        reconnects: this.reconnects,
      });
      this.hub.resyncAll();
    }
    this.hasConnected = true;
  }

  private get hub(): LiveHub {
    return this.options.hub;
  }

  private heard(message: pg.Notification): void {
    if (message.channel !== this.options.channel || !message.payload) return;
    if (message.payload.startsWith(PROBE_PREFIX)) {
      if (this.probeWaiter?.token === message.payload) this.probeWaiter.heard();
      return;
    }
    this.hub.publish(message.payload);
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.client || this.mode === 'stopped') return;
    this.client = null;
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = null;
    client.end().catch(() => {});
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown): void {
    if (this.mode === 'stopped') return;
    this.mode = 'reconnecting';
    const { initial, max } = this.options.backoffMs;
    const delay = Math.min(max, initial * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    log.warn('live notifications: the listening connection is down; retrying', {
      inMs: Math.round(delay),
      cause: error instanceof Error ? error.message.split('\n')[0] : 'connection closed',
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch((next: unknown) => this.scheduleReconnect(next));
    }, delay);
    this.retryTimer.unref();
  }

  /**
   * Whether a notification sent on another connection reaches this one. On PostgreSQL it does at
   * once; on the embedded server it goes back to the sender. A probe that cannot be sent proves
   * nothing: the listener stays, and reconnects if the database is down.
   */
  private async probe(): Promise<boolean> {
    const token = `${PROBE_PREFIX}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      this.probeWaiter = { token, heard: () => resolve(true) };
      timer = setTimeout(() => resolve(false), this.options.probeMs);
    });
    const sender = new pg.Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: 5_000,
    });
    try {
      await sender.connect();
      await sender.query('SELECT pg_notify($1, $2)', [this.options.channel, token]);
    } catch {
      clearTimeout(timer);
      return true;
    } finally {
      await sender.end().catch(() => {});
    }
    const result = await heard;
    clearTimeout(timer);
    this.probeWaiter = null;
    return result;
  }

  private startPolling(reason: string): void {
    if (this.mode === 'stopped') return;
    this.mode = 'poll';
    log.warn('live notifications: polling the inbox instead of LISTEN', {
      reason,
      everyMs: this.options.pollMs,
    });
    this.pollTimer = setInterval(() => void this.pollOnce(), this.options.pollMs);
    this.pollTimer.unref();
  }

  /** One poll: news for every subscribed user whose inbox changed, or who is new here. */
  async pollOnce(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const userIds = this.hub.userIds();
      for (const known of [...this.seen.keys()]) {
        if (!userIds.includes(known)) this.seen.delete(known);
      }
      if (userIds.length === 0) return;
      const signatures = await this.options.signatures(userIds);
      for (const userId of userIds) {
        const signature = signatures.get(userId) ?? 'empty';
        if (this.seen.get(userId) === signature) continue;
        this.seen.set(userId, signature);
        this.hub.publish(userId);
      }
    } catch (error) {
      log.warn('live notifications: a poll failed; trying again at the next interval', {
        cause: error instanceof Error ? error.message.split('\n')[0] : String(error),
      });
    } finally {
      this.polling = false;
    }
  }
}
