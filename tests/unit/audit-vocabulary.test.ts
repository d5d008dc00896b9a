import { describe, expect, it } from 'vitest';
import {
  accessInWords,
  AUDIT_RESOURCE_TYPES,
  isAuditResource,
  PATIENT_WORDS,
  PSYCHOTHERAPY_NOTE_RESOURCE,
} from '@/lib/audit-vocabulary';

const facts = {
  action: 'read',
  outcome: 'ALLOWED',
  actorName: 'Elena Rivera',
  actorRole: 'PRESCRIBER',
  isSelf: false,
} as const;

describe('the patient words of the audit nouns', () => {
  it('has words for every noun but psychotherapy notes, which no patient view shows', () => {
    expect(Object.keys(PATIENT_WORDS).sort()).toEqual([...AUDIT_RESOURCE_TYPES].sort());
    for (const noun of AUDIT_RESOURCE_TYPES) {
      if (noun === PSYCHOTHERAPY_NOTE_RESOURCE) expect(PATIENT_WORDS[noun]).toBeNull();
      else expect(PATIENT_WORDS[noun], noun).toMatch(/\w/);
    }
  });

  it.each(AUDIT_RESOURCE_TYPES.filter((noun) => noun !== PSYCHOTHERAPY_NOTE_RESOURCE))(
    'a read of %s says what was read, not "your record"',
    (resourceType) => {
      const { did } = accessInWords({ ...facts, resourceType });
      expect(did).toBe(`viewed ${PATIENT_WORDS[resourceType]}`);
      expect(did).not.toBe('viewed your record');
    },
  );

  it('reads a care-team thread as the care team’s messages', () => {
    expect(
      accessInWords({ ...facts, action: 'list', resourceType: 'careTeamMessage' }).summary,
    ).toBe('Elena Rivera, your prescriber, viewed your care team’s messages about you.');
  });

  it('knows a stored noun only if it is one of today’s', () => {
    expect(isAuditResource('careTeamMessage')).toBe(true);
    expect(isAuditResource('message')).toBe(false);
    expect(isAuditResource('toString')).toBe(false);
    expect(accessInWords({ ...facts, resourceType: 'message' }).did).toBe('viewed your record');
  });
});

describe('an escalation, which Triad itself writes', () => {
  it('reads as done by Triad, not by someone unidentified', () => {
    const words = accessInWords({
      action: 'escalate',
      resourceType: 'safetyFlag',
      outcome: 'ALLOWED',
      actorName: null,
      actorRole: null,
      isSelf: false,
    });
    expect(words.summary).toBe(
      'Triad emailed your care team and the clinic’s administrators because a safety alert was not seen yet.',
    );
    // Another action with no actor is still someone we could not identify.
    expect(
      accessInWords({
        action: 'read',
        resourceType: 'safetyFlag',
        outcome: 'ALLOWED',
        actorName: null,
        actorRole: null,
        isSelf: false,
      }).who,
    ).toBe('Someone we could not identify');
  });
});
