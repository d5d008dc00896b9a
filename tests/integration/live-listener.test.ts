// The LISTEN side of the live stream as several app servers run it: each process has its own
// listener and hub; a notification committed anywhere reaches all of them, a rolled-back one
// none; a dropped connection comes back and tells its streams to read again; where LISTEN cannot
// work (the embedded server), the probe finds out and the listener polls instead.
import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { db } from '@/lib/db';
import { NOTIFICATION_CHANNEL, notifyTx } from '@/lib/data/notifications/notify';
import { inboxSignatures } from '@/lib/data/notifications/live';
import { LiveHub } from '@/lib/live/hub';
import { NotificationListener, type ListenerOptions } from '@/lib/live/listener';
import { createCareTeam } from '@/tests/factories';
import { recordSignals, until } from '@/tests/support/live';
import { freePort, startEmbedded } from '@/scripts/database';

const embedded = inject('embeddedDatabase');
const running: NotificationListener[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((listener) => listener.stop()));
});

/** One app server's listener and hub. */
async function appServer(options: Partial<ListenerOptions> = {}) {
  const hub = new LiveHub();
  const listener = new NotificationListener({
    connectionString: process.env.DATABASE_URL!,
    channel: NOTIFICATION_CHANNEL,
    hub,
    signatures: inboxSignatures,
    backoffMs: { initial: 50, max: 500 },
    ...options,
  });
  running.push(listener);
  await listener.start();
  return { hub, listener };
}

/** A care-team message's inbox items for the team, written by notifyTx in `db`'s transaction. */
function notifyTeam(team: Awaited<ReturnType<typeof createCareTeam>>, then?: () => never) {
  return db.$transaction(async (tx) => {
    const ids = await notifyTx(
      tx,
      team.patient,
      { careTeam: true },
      {
        kind: 'CARE_TEAM_MESSAGE',
        careTeamSummary: 'A new message in the care-team thread.',
        careTeamLink: `/patients/${team.patient.id}/messages`,
      },
    );
    then?.();
    return ids;
  });
}

describe.skipIf(embedded)('LISTEN across app servers (PostgreSQL)', () => {
  it('delivers a committed notification to every app server, and only to its recipients', async () => {
    const [one, two] = [await appServer(), await appServer()];
    expect([one.listener.mode, two.listener.mode]).toEqual(['listen', 'listen']);
    const team = await createCareTeam(db, { passwordHash: null });
    const recipients = [team.therapist.id, team.prescriber.id];
    const onOne = recordSignals(one.hub, [...recipients, team.patient.account.id]);
    const onTwo = recordSignals(two.hub, recipients);

    // A third connection (the Prisma pool, as a third app server's request would) commits.
    const sent = Date.now();
    expect((await notifyTeam(team)).sort()).toEqual([...recipients].sort());
    await until(() => onOne.heard.length >= 2 && onTwo.heard.length >= 2, 5_000, 'both servers');
    for (const heard of [onOne.heard, onTwo.heard]) {
      expect(heard.map((h) => h.userId).sort()).toEqual([...recipients].sort());
      expect(heard.every((h) => h.signal === 'changed' && h.at - sent < 2_000)).toBe(true);
    }
  });

  it('never delivers the notification of a rolled-back transaction', async () => {
    const { hub } = await appServer();
    const rolledBack = await createCareTeam(db, { passwordHash: null });
    const committed = await createCareTeam(db, { passwordHash: null });
    const heard = recordSignals(hub, [rolledBack.therapist.id, committed.therapist.id]).heard;
    await expect(
      notifyTeam(rolledBack, () => {
        throw new Error('the event failed after its items were written');
      }),
    ).rejects.toThrow('the event failed');
    expect(await db.notification.count({ where: { patientId: rolledBack.patient.id } })).toBe(0);
    // Notifications arrive in commit order: once the later commit's has, the first would have too.
    await notifyTeam(committed);
    await until(() => heard.some((h) => h.userId === committed.therapist.id), 5_000, 'the marker');
    expect(heard.map((h) => h.userId)).not.toContain(rolledBack.therapist.id);
  });

  it('reconnects after the connection drops, tells its streams to read again, and listens on', async () => {
    const { hub, listener } = await appServer();
    const team = await createCareTeam(db, { passwordHash: null });
    const heard = recordSignals(hub, [team.therapist.id]).heard;
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    try {
      const pid = listener.backendPid;
      expect(pid).toBeGreaterThan(0);
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await killer.end();
    }
    await until(
      () => listener.reconnects === 1 && listener.mode === 'listen',
      10_000,
      'a reconnect',
    );
    expect(heard).toEqual([expect.objectContaining({ signal: 'resync' })]);
    await notifyTeam(team);
    await until(() => heard.length === 2, 5_000, 'news after the reconnect');
    expect(heard[1]).toMatchObject({ userId: team.therapist.id, signal: 'changed' });
  });
});

describe('where LISTEN cannot work', () => {
  it('the probe finds out on the embedded server, and the listener polls', async () => {
    const server = await startEmbedded({ dataDir: null, port: await freePort() });
    try {
      const { listener } = await appServer({ connectionString: server.url, probeMs: 1_500 });
      expect(listener.mode).toBe('poll');
    } finally {
      await Promise.all(running.splice(0).map((listener) => listener.stop()));
      await server.stop();
    }
  }, 60_000);

  it('polling brings the news of a new item, once per change', async () => {
    const { hub } = await appServer({ forcePoll: true, pollMs: 100 });
    const team = await createCareTeam(db, { passwordHash: null });
    const heard = recordSignals(hub, [team.therapist.id, team.patient.account.id]).heard;
    // First sight of each subscriber: one read, in case something arrived as the stream opened.
    await until(() => heard.length === 2, 5_000, 'the first poll');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toHaveLength(2);
    await notifyTeam(team);
    await until(() => heard.length === 3, 5_000, 'the poll to see the item');
    expect(heard[2]).toMatchObject({ userId: team.therapist.id, signal: 'changed' });
  });
});
