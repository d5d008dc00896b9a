// Email delivery against a real SMTP server on loopback (tests/support/smtp.ts): the recipient and
// words of each email, a retry after a 4xx, the dead-letter after the limit, exactly one email
// per row when the sender is killed mid-delivery, and nothing for a rolled-back event.
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { backoffMs, CLAIM_LEASE_MS, claimNextEmail, MAX_ATTEMPTS } from '@/lib/data/email/send';
import { sendDueEmails } from '@/lib/mail/sender';
import { emailFor } from '@/lib/mail/templates';
import { deliver, messageIdFor, smtpTransport } from '@/lib/mail/transport';
import { createCareTeam } from '@/tests/factories';
import { startSmtpServer, type TestSmtpServer } from '@/tests/support/smtp';

const FROM = 'Triad <triad@clinic.test>';
let smtp: TestSmtpServer;
let team: Awaited<ReturnType<typeof createCareTeam>>;

beforeEach(async () => {
  smtp = await startSmtpServer();
  team = await createCareTeam(db);
});
afterEach(() => smtp.close());

/** Queues an email to the team's therapist, due at `notBefore`. */
async function queue(key: string, notBefore?: Date) {
  await db.$transaction((tx) =>
    queueEmailTx(tx, team.organization.id, {
      recipientId: team.therapist.id,
      purpose: 'NOTIFICATION',
      link: '/inbox',
      dedupeKey: `test:${key}:${team.organization.id}`,
      notBefore,
    }),
  );
  return db.emailOutbox.findUniqueOrThrow({
    where: { dedupeKey: `test:${key}:${team.organization.id}` },
  });
}

function send(clock: () => Date = () => new Date()) {
  return sendDueEmails({
    transport: smtpTransport(smtp.url)!,
    from: FROM,
    clock,
    organizationId: team.organization.id,
  });
}

const later = (ms: number) => () => new Date(Date.now() + ms);

describe('sending the outbox over SMTP', () => {
  it('delivers to the recipient the template’s subject, text and HTML, with a stable Message-ID', async () => {
    const row = await queue('deliver');
    expect(await send()).toEqual({ sent: 1, failed: 0, dead: 0 });

    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    const words = emailFor('NOTIFICATION', 'http://localhost:3000', '/inbox');
    expect(message!.to).toEqual([team.therapist.email]);
    expect(message!.subject).toBe(words.subject);
    expect(message!.body).toContain(words.text.split('\n')[0]);
    expect(message!.body).toContain('<a href="http://localhost:3000/inbox">');
    expect(message!.body).toContain('/account/notifications');
    expect(message!.raw).toMatch(/multipart\/alternative/);
    expect(message!.messageId).toBe(messageIdFor(row.id, FROM));
    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.sentAt).not.toBeNull();
    // Sent once: the next run has nothing to do.
    expect(await send(later(CLAIM_LEASE_MS * 2))).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('retries after the server answers 4xx, after the backoff, and then delivers', async () => {
    const row = await queue('retry');
    smtp.answer = () => ({ code: 451, message: 'Try again later' });
    const now = new Date();
    expect(await send(() => now)).toEqual({ sent: 0, failed: 1, dead: 0 });
    const failed = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, deadAt: null });
    expect(failed.lastError).toMatch(/^451 /);
    expect(failed.notBefore.getTime()).toBe(now.getTime() + backoffMs(1));

    smtp.answer = () => 'accept';
    expect(await send(() => now)).toEqual({ sent: 0, failed: 0, dead: 0 }); // not before the backoff
    expect(await send(later(backoffMs(1) + 1000))).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.messages.map((m) => m.messageId)).toEqual([messageIdFor(row.id, FROM)]);
    expect(smtp.received).toHaveLength(2); // the refused attempt, then the accepted one
  });

  it('gives up after the last attempt: the row is dead and no longer sent', async () => {
    const row = await queue('dead');
    smtp.answer = () => ({ code: 452, message: 'Mailbox full' });
    let at = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await send(() => new Date(at));
      expect(result).toEqual({ sent: 0, failed: 1, dead: attempt === MAX_ATTEMPTS ? 1 : 0 });
      at += backoffMs(attempt) + 1000;
    }
    const dead = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(dead.attempts).toBe(MAX_ATTEMPTS);
    expect(dead.deadAt).not.toBeNull();
    smtp.answer = () => 'accept';
    expect(await send(() => new Date(at + 24 * 3600_000))).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends nothing for an event whose transaction rolled back', async () => {
    const key = `test:rolled-back:${team.organization.id}`;
    await expect(
      db.$transaction(async (tx) => {
        const queued = await queueEmailTx(tx, team.organization.id, {
          recipientId: team.therapist.id,
          purpose: 'NOTIFICATION',
          link: '/inbox',
          dedupeKey: key,
        });
        expect(queued).toBe(true);
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await db.emailOutbox.count({ where: { dedupeKey: key } })).toBe(0);
    expect(await send()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('two senders at once send each row once (the claim skips locked rows)', async () => {
    const rows = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => queue(`parallel-${n}`)));
    const [a, b] = await Promise.all([send(), send()]);
    expect(a!.sent + b!.sent).toBe(6);
    const ids = smtp.messages.map((m) => m.messageId).sort();
    expect(ids).toEqual(rows.map((r) => messageIdFor(r.id, FROM)).sort());
  });
});

describe('a sender killed mid-delivery', () => {
  it('is followed by exactly one email per row once another sender takes over', async () => {
    const base = Date.now() - 60_000;
    const rows = [];
    for (const n of [0, 1, 2]) rows.push(await queue(`kill-${n}`, new Date(base + n * 1000)));
    // The first is accepted; the second is held unanswered while the child is killed.
    let seen = 0;
    smtp.answer = () => (seen++ === 1 ? 'hold' : 'accept');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'tests/support/sender-child.ts'],
      {
        env: { ...process.env, SMTP_URL: smtp.url, ORGANIZATION_ID: team.organization.id },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await smtp.held;
    child.kill('SIGKILL');
    await exited;

    const state = await db.emailOutbox.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      orderBy: { createdAt: 'asc' },
    });
    expect(state.map((r) => r.sentAt !== null)).toEqual([true, false, false]);
    // The held row is claimed (its lease runs), the third was never reached.
    expect(state[1]!.notBefore.getTime()).toBeGreaterThan(Date.now());

    // Before the lease ends another sender leaves the held row alone; after it, it sends it.
    expect((await send()).sent).toBe(1);
    expect((await send(later(CLAIM_LEASE_MS + 1000))).sent).toBe(1);
    const accepted = smtp.messages.map((m) => m.messageId).sort();
    expect(accepted).toEqual(rows.map((r) => messageIdFor(r.id, FROM)).sort());
    // The held attempt reached the server but was never accepted (250), so it is not delivered.
    expect(smtp.received.filter((m) => !m.accepted)).toHaveLength(1);
  });

  it('resends with the same Message-ID when it died after the server accepted (at-least-once)', async () => {
    const row = await queue('after-accept');
    // Simulated in this process: claim and deliver, then "die" before marking it sent.
    const claimed = await claimNextEmail(new Date(), team.organization.id);
    expect(claimed?.id).toBe(row.id);
    await deliver(smtpTransport(smtp.url)!, FROM, claimed!);
    expect((await send(later(CLAIM_LEASE_MS + 1000))).sent).toBe(1);
    expect(smtp.messages.map((m) => m.messageId)).toEqual([
      messageIdFor(row.id, FROM),
      messageIdFor(row.id, FROM),
    ]);
  });
});
