import { BriefQuery } from '@/lib/schemas/brief';

// The presets live apart, without zod, for the client panel (issue 15: no zod on first load).
export { BRIEF_PRESETS } from './brief-presets';

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
