import { BriefQuery } from '@/lib/schemas/brief';

/**
 * The "since" choices offered as links: the default (no parameter: since the viewer's last
 * completed session with the patient, else their last signed note, else 30 days) and look-backs.
 */
export const BRIEF_PRESETS = [
  { value: '', label: 'Since my last session' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
] as const;

/** `7d` → an ISO instant 7 days back; an ISO date or time as is; anything else → the default. */
export function resolveBriefSince(since: string | undefined, now: Date): string | undefined {
  if (!since) return undefined;
  const days = /^(\d{1,3})d$/.exec(since);
  if (days) return new Date(now.getTime() - Number(days[1]) * 86_400_000).toISOString();
  return BriefQuery.safeParse({ since }).success ? since : undefined;
}

/** Which period link is the current one: a preset, `custom` (a date), or '' (the default). */
export function briefPreset(since: string | undefined, resolved: string | undefined): string {
  if (resolved && since && /^\d{1,3}d$/.test(since)) return since;
  return resolved ? 'custom' : '';
}
