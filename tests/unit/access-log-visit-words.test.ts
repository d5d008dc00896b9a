import { describe, expect, it } from 'vitest';
import { visitInWords, type VisitEventFacts } from '@/lib/access-log-visit-words';

const rivera = { actorName: 'Elena Rivera', isSelf: false };
const read = (resourceType: string): VisitEventFacts => ({
  action: 'read',
  resourceType,
  outcome: 'ALLOWED',
  actorRole: 'PRESCRIBER',
});

describe('visitInWords', () => {
  it('says what was looked at once each, in order, then the changes', () => {
    const words = visitInWords(rivera, [
      read('medication'),
      read('checkIn'),
      read('medication'),
      { ...read('medicationChange'), action: 'create' },
    ]);
    expect(words.summary).toBe(
      'Elena Rivera, your prescriber, looked at your medications and your check-ins and recorded a change to your medications.',
    );
    expect(words.refused).toBe(0);
  });

  it('names four things and counts the rest, so a long sitting stays one readable sentence', () => {
    const types = ['patient', 'medication', 'checkIn', 'sessionNote', 'timeline', 'trends'];
    const words = visitInWords(rivera, types.map(read));
    expect(words.did).toBe(
      'looked at your profile and care team, your medications, your check-ins, your session notes, and 2 other parts of your record',
    );
  });

  it('says a refusal plainly, and a refused role as "a" prescriber when nothing went through', () => {
    const words = visitInWords(rivera, [{ ...read('accessLog'), outcome: 'DENIED' }]);
    expect(words.summary).toBe(
      'Elena Rivera, a prescriber, tried to view the list of who viewed your record and was refused.',
    );
    expect(words.refused).toBe(1);
  });
});
