import { describe, expect, it } from 'vitest';
import { BriefQuery } from '@/lib/schemas/brief';
import { MessageInput } from '@/lib/schemas/messages';
import { PsychotherapyNoteInput } from '@/lib/schemas/psychotherapy-notes';
import { AddendumInput, SessionNoteInput, WithholdInput } from '@/lib/schemas/session-notes';
import { TimelineQuery } from '@/lib/schemas/timeline';

const dap = { data: 'D', assessment: 'A', plan: 'P' };
const soap = { subjective: 'S', objective: 'O', assessment: 'A', plan: 'P' };
const note = { kind: 'THERAPY', format: 'DAP', sessionDate: '2026-01-05', body: dap };

describe('session note schemas', () => {
  it('matches the body to the format (DAP or SOAP, the seed’s keys)', () => {
    expect(SessionNoteInput.safeParse(note).success).toBe(true);
    expect(SessionNoteInput.safeParse({ ...note, format: 'SOAP', body: soap }).success).toBe(true);
    expect(SessionNoteInput.safeParse({ ...note, format: 'SOAP' }).success).toBe(false);
    expect(SessionNoteInput.safeParse({ ...note, body: { ...dap, subjective: 'x' } }).success).toBe(
      false,
    );
    expect(SessionNoteInput.safeParse({ ...note, body: { data: 'D' } }).success).toBe(false);
  });

  it('allows empty sections in a draft but no control characters, future dates or extra fields', () => {
    expect(SessionNoteInput.safeParse({ ...note, body: { ...dap, plan: '' } }).success).toBe(true);
    expect(
      SessionNoteInput.safeParse({ ...note, body: { ...dap, plan: 'a\u0000b' } }).success,
    ).toBe(false);
    expect(SessionNoteInput.safeParse({ ...note, sessionDate: '2999-01-01' }).success).toBe(false);
    expect(SessionNoteInput.safeParse({ ...note, status: 'SIGNED' }).success).toBe(false);
  });

  it('needs text in addenda, withholding reasons, messages and psychotherapy notes', () => {
    for (const [schema, field] of [
      [AddendumInput, 'body'],
      [WithholdInput, 'reason'],
      [MessageInput, 'body'],
      [PsychotherapyNoteInput, 'body'],
    ] as const) {
      expect(schema.safeParse({ [field]: 'Some text.' }).success).toBe(true);
      expect(schema.safeParse({ [field]: '  ' }).success).toBe(false);
      expect(schema.safeParse({ [field]: 'x', other: 1 }).success).toBe(false);
    }
  });

  it('takes an ISO time or date as the brief’s since, and an opaque timeline cursor', () => {
    expect(BriefQuery.safeParse({ since: '2026-01-05T10:00:00Z' }).success).toBe(true);
    expect(BriefQuery.safeParse({ since: '2026-01-05' }).success).toBe(true);
    expect(BriefQuery.safeParse({ since: 'yesterday' }).success).toBe(false);
    expect(TimelineQuery.safeParse({ cursor: 'WyIyMDI2Il0', limit: '10' }).success).toBe(true);
    expect(TimelineQuery.safeParse({ cursor: 'a b' }).success).toBe(false);
  });
});
