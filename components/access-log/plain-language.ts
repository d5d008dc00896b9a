import type { AccessLogEntry } from '@/lib/schemas/access-log';

/**
 * Who did it, as the patient would say it: "Elena Rivera, your prescriber", "You". Only a
 * clinician on the patient's care team can be allowed in, so an allowed clinician is "your"
 * prescriber or therapist; a refused one may not be on the team, so is "a" prescriber.
 */
export function actorText(entry: AccessLogEntry): { name: string; role: string | null } {
  if (entry.isSelf) return { name: 'You', role: null };
  const name = entry.actorName ?? 'Someone we could not identify';
  const isAllowed = entry.outcome === 'ALLOWED';
  switch (entry.actorRole) {
    case 'PRESCRIBER':
      return { name, role: isAllowed ? 'your prescriber' : 'a prescriber' };
    case 'THERAPIST':
      return { name, role: isAllowed ? 'your therapist' : 'a therapist' };
    case 'ADMIN':
      return { name, role: 'an administrator' };
    case 'PATIENT':
      return { name, role: 'a patient' };
    default:
      return { name, role: null };
  }
}

/**
 * The summary continuing a sentence that starts with the person: "Viewed your medications"
 * becomes "viewed your medications". An acronym at the start ("PHQ-9 …") keeps its capitals.
 */
export function summaryAfterName(summary: string): string {
  const [first = '', second = ''] = summary;
  if (second && second === second.toLowerCase()) return first.toLowerCase() + summary.slice(1);
  return summary;
}
