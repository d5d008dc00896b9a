// A real SMTP server on loopback for the mail tests (smtp-server): it speaks SMTP to nodemailer,
// records every message it is sent, and can answer a temporary failure (4xx) or hold a message
// without answering (the sender killed mid-delivery). Every message any test's server receives,
// accepted or not, is also appended to the run's log (tests/support/global-setup.ts), whose
// teardown checks the whole suite's emails for PHI (tests/support/phi-check.ts).
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { inject } from 'vitest';

export type ReceivedEmail = {
  to: string[];
  from: string;
  raw: string;
  subject: string;
  messageId: string;
  /** The decoded text of every part (plain text and HTML). */
  body: string;
  accepted: boolean;
};

/** What the server answers to a message: accept it, fail it for now (4xx), or never answer. */
export type Answer = 'accept' | { code: number; message: string } | 'hold';

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function header(block: string, name: string): string {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? '';
}

/** The decoded bodies of a MIME message's leaf parts, joined. */
export function decodeBodies(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";\s]+)"?/i.exec(header(head, 'Content-Type'))?.[1];
  if (boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .map((part) => decodeBodies(part.replace(/^\r?\n/, '')))
      .join('\n');
  }
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

function logFile(): string | null {
  try {
    return path.join(inject('smtpLogDir'), `${process.pid}.jsonl`);
  } catch {
    return null; // outside the integration project's global setup
  }
}

export type TestSmtpServer = {
  url: string;
  port: number;
  /** Messages accepted (250), in order of arrival. */
  messages: ReceivedEmail[];
  /** Every message whose data arrived, accepted or not. */
  received: ReceivedEmail[];
  /** How the next messages are answered (by default, accepted). */
  answer: (to: string[]) => Answer;
  /** Resolves when a message is held (for the kill test). */
  held: Promise<void>;
  close: () => Promise<void>;
};

/** Starts a server on 127.0.0.1 on a free port; `close()` it after the test. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  let onHeld: () => void = () => undefined;
  const state: TestSmtpServer = {
    url: '',
    port: 0,
    messages: [],
    received: [],
    answer: () => 'accept',
    held: new Promise((resolve) => (onHeld = resolve)),
    close: async () => undefined,
  };
  const file = logFile();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address);
        const answer = state.answer(to);
        const split = raw.search(/\r?\n\r?\n/);
        const email: ReceivedEmail = {
          to,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
          subject: header(raw.slice(0, split), 'Subject'),
          messageId: header(raw.slice(0, split), 'Message-ID'),
          body: decodeBodies(raw),
          accepted: answer === 'accept',
        };
        state.received.push(email);
        if (file) appendFileSync(file, `${JSON.stringify(email)}\n`);
        if (answer === 'hold') return onHeld(); // never answers: the client waits
        if (answer === 'accept') {
          state.messages.push(email);
          return callback();
        }
        callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
