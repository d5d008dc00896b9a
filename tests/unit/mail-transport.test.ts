import { describe, expect, it } from 'vitest';
import { messageIdFor } from '@/lib/mail/transport';
import { decodeBodies } from '@/tests/support/smtp';

describe('the envelope of an outbox row', () => {
  it('derives the Message-ID from the row id and the sender’s domain alone', () => {
    const id = '6f1c1f38-8a4e-4f4c-9a55-0d9c3b1a2e10';
    expect(messageIdFor(id, 'Triad <triad@riverbend.example>')).toBe(
      `<outbox.${id}@riverbend.example>`,
    );
    expect(messageIdFor(id, 'triad@clinic.org')).toBe(`<outbox.${id}@clinic.org>`);
    expect(messageIdFor(id, 'Triad')).toBe(`<outbox.${id}@localhost>`);
  });
});

describe('the test SMTP server’s decoding', () => {
  it('reads quoted-printable and base64 parts of a multipart message', () => {
    const raw = [
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'caf=C3=A9 and a soft=',
      ' break',
      '--b1',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>Hello</p>').toString('base64'),
      '--b1--',
    ].join('\r\n');
    const body = decodeBodies(raw);
    expect(body).toContain('café and a soft break');
    expect(body).toContain('<p>Hello</p>');
  });
});
