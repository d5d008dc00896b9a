import { describe, expect, it } from 'vitest';
import { AUTOSAVE_INTERVAL_MS, autosaveStatusText } from '@/lib/autosave';

describe('autosave of drafts', () => {
  it('saves every 30 seconds in production (browser tests drive the clock, not this value)', () => {
    expect(AUTOSAVE_INTERVAL_MS).toBe(30_000);
  });

  it('says where it stands in words', () => {
    expect(autosaveStatusText({ state: 'idle' })).toBe('');
    expect(autosaveStatusText({ state: 'saving' })).toBe('Saving…');
    expect(autosaveStatusText({ state: 'saved', at: new Date(2026, 10, 28, 14, 2) }, 'en-GB')).toBe(
      'Saved at 14:02',
    );
    expect(autosaveStatusText({ state: 'failed', reason: 'you were signed out.' })).toBe(
      'Not saved: you were signed out.',
    );
  });
});
