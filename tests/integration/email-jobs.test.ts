// The job runner on pg-boss (lib/jobs): a tick queues an email at the injected clock's now, and the
// send-email job that follows delivers it to a real SMTP server; without a transport (SMTP_URL
// unset) the email stays in the outbox. The runner's state is pg-boss's tables, in PostgreSQL.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { startJobs, QUEUES, type Jobs } from '@/lib/jobs';
import type { Tick } from '@/lib/jobs/ticks';
import { smtpTransport } from '@/lib/mail/transport';
import { createCareTeam } from '@/tests/factories';
import { startSmtpServer, type TestSmtpServer } from '@/tests/support/smtp';

// On the embedded database (tests run without DATABASE_URL) pg-boss shares the app's one
// connection, as the demo does.
const sharedConnection = inject('embeddedDatabase');
let jobs: Jobs | undefined;
let smtp: TestSmtpServer | undefined;
// The ticks of TICKS act on every organization of the shared test database: each runner here is
// given only its own ticks (none), and sends only its organization's emails.
afterEach(async () => {
  await jobs?.stop();
  await smtp?.close();
  jobs = smtp = undefined;
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
}

describe('the job runner', () => {
  it('runs the ticks at the clock’s time and delivers what they queued', async () => {
    const team = await createCareTeam(db);
    const moved = new Date('2031-03-09T07:00:00Z');
    const seen: Date[] = [];
    const tick: Tick = {
      name: 'test-email',
      run: async (now) => {
        seen.push(now);
        const queued = await db.$transaction((tx) =>
          queueEmailTx(tx, team.organization.id, {
            recipientId: team.prescriber.id,
            purpose: 'DIGEST',
            link: '/inbox',
            dedupeKey: `test:job:${team.organization.id}`,
            count: 2,
          }),
        );
        return queued ? 1 : 0;
      },
    };
    smtp = await startSmtpServer();
    jobs = await startJobs({
      clock: () => moved,
      ticks: [tick],
      databaseUrl: process.env.DATABASE_URL!,
      sharedConnection,
      transport: smtpTransport(smtp.url),
      from: 'Triad <triad@clinic.test>',
      organizationId: team.organization.id,
      pollingIntervalSeconds: 0.5,
    });
    await jobs.boss.send(QUEUES.tick, {});
    const messages = await until(
      async () => smtp!.messages,
      (m) => m.length > 0,
    );
    expect(seen[0]).toEqual(moved);
    expect(messages[0]!.to).toEqual([team.prescriber.email]);
    expect(messages[0]!.body).toContain('You have 2 new items in your Triad inbox.');
    const row = await db.emailOutbox.findUniqueOrThrow({
      where: { dedupeKey: `test:job:${team.organization.id}` },
    });
    expect(row.sentAt).not.toBeNull();
  });

  it('keeps the emails in the outbox when there is no SMTP server (SMTP_URL unset)', async () => {
    const team = await createCareTeam(db);
    await db.$transaction((tx) =>
      queueEmailTx(tx, team.organization.id, {
        recipientId: team.prescriber.id,
        purpose: 'NOTIFICATION',
        link: '/inbox',
        dedupeKey: `test:no-smtp:${team.organization.id}`,
      }),
    );
    jobs = await startJobs({
      databaseUrl: process.env.DATABASE_URL!,
      sharedConnection,
      transport: null,
      ticks: [],
      from: 'Triad <triad@clinic.test>',
      organizationId: team.organization.id,
      pollingIntervalSeconds: 0.5,
    });
    const id = (await jobs.boss.send(QUEUES.sendEmail, {}))!;
    await until(
      async () => (await jobs!.boss.getJobById(QUEUES.sendEmail, id))?.state,
      (state) => state === 'completed',
    );
    const row = await db.emailOutbox.findUniqueOrThrow({
      where: { dedupeKey: `test:no-smtp:${team.organization.id}` },
    });
    expect(row).toMatchObject({ sentAt: null, attempts: 0, deadAt: null });
  });

  it('creates its queues with retries, backoff and the dead-letter queue, and schedules both every minute', async () => {
    jobs = await startJobs({
      databaseUrl: process.env.DATABASE_URL!,
      sharedConnection,
      transport: null,
      ticks: [],
      from: 'Triad <triad@clinic.test>',
      organizationId: '00000000-0000-0000-0000-000000000000',
    });
    for (const name of [QUEUES.tick, QUEUES.sendEmail]) {
      expect(await jobs.boss.getQueue(name)).toMatchObject({
        retryLimit: 4,
        retryBackoff: true,
        deadLetter: QUEUES.dead,
      });
    }
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
      [QUEUES.sendEmail, '* * * * *'],
      [QUEUES.tick, '* * * * *'],
    ]);
  });
});
