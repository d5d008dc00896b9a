// The iCalendar builder (lib/calendar/ics.ts): what it writes parses as RFC 5545 with ical.js,
// every time in UTC, text escaped, and initials from names of any shape.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, eventUid, initialsOf } from '@/lib/calendar/ics';

describe('buildCalendar', () => {
  const text = buildCalendar({
    name: 'Test',
    origin: 'https://triad.example:8443',
    now: new Date('2026-10-31T12:00:00Z'),
    events: [
      {
        id: 'a1',
        // 01:30 EDT, the night New York falls back; ends 01:20 EST.
        startsAt: new Date('2026-11-01T05:30:00Z'),
        endsAt: new Date('2026-11-01T06:20:00Z'),
        summary: 'Therapy with Sam Okafor',
        status: 'SCHEDULED',
        url: 'https://triad.example:8443/my-care/appointments',
        location: 'Room 2, Main St; back door',
        sequence: 3,
      },
      {
        id: 'b2',
        startsAt: new Date('2026-11-02T15:00:00Z'),
        endsAt: new Date('2026-11-02T15:30:00Z'),
        summary: 'A.M. – Follow-up',
        status: 'CANCELLED',
        url: 'https://triad.example:8443/appointments/b2',
      },
    ],
  });
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent');

  it('is one VCALENDAR of VEVENTs with UTC times, UIDs at the host and statuses', () => {
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(2);
    const [first, second] = events.map((e) => new ICAL.Event(e));
    expect(first!.uid).toBe('a1@triad.example');
    expect(first!.startDate.toString()).toBe('2026-11-01T05:30:00Z');
    expect(first!.endDate.toString()).toBe('2026-11-01T06:20:00Z');
    expect(first!.location).toBe('Room 2, Main St; back door');
    expect(first!.sequence).toBe(3);
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(events[1]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(second!.summary).toBe('A.M. – Follow-up');
    expect(text).toContain('DTSTART:20261101T053000Z');
    expect(text).not.toMatch(/TZID/);
  });

  it('names the UID by the host alone', () => {
    expect(eventUid('x', 'http://localhost:3203')).toBe('x@localhost');
  });
});

describe('initialsOf', () => {
  it.each([
    ['Alex Morgan', 'A.M.'],
    ['  casey  van der nguyen ', 'C.N.'],
    ['Cher', 'C.'],
    ['Élodie Ørsted', 'É.Ø.'],
    ['', '?'],
  ])('%j -> %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
