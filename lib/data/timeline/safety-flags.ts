import 'server-only';
import { can } from '@/lib/auth/policy';
import { OUTCOME_WORDS } from '@/lib/data/safety-flags/lifecycle';
import { clip, person, windowOf, type Source } from '@/lib/data/timeline/cursor';
import type { TimelineItem, TimelineKind } from '@/lib/schemas/timeline';

// A safety flag's three moments: raised, acknowledged, resolved. The care team reads each with
// the reason, who and the outcome; the patient reads only that their team saw what their answers
// raised (decision 019: status only, never the reason, who, the outcome or the note).

const URGENCY_WORDS = { URGENT: 'urgent', HIGH: 'high' } as const;

/** One moment's rows: those past the step (`field` set), after the cursor, at most `take`. */
function stepWindow(
  source: Source,
  kind: TimelineKind,
  field: 'raisedAt' | 'acknowledgedAt' | 'resolvedAt',
  only: object = {},
) {
  const window = windowOf(source, kind, field);
  const taken = field === 'raisedAt' ? {} : { [field]: { not: null } };
  return { ...window, where: { AND: [window.where, taken, only] } };
}

const flagFields = {
  id: true,
  urgency: true,
  reason: true,
  raisedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  outcome: true,
  resolutionNote: true,
  raisedBy: person,
  acknowledgedBy: person,
  resolvedBy: person,
} as const;

/** The care team (safetyFlag.read): every flag raised, with its urgency and reason. */
export async function safetyFlagRaisedItems(source: Source): Promise<TimelineItem[]> {
  if (!can(source.viewer, 'safetyFlag.read')) return [];
  const rows = await source.tx.safetyFlag.findMany({
    ...stepWindow(source, 'safetyFlagRaised', 'raisedAt'),
    select: flagFields,
  });
  return rows.map((f) => ({
    kind: 'safetyFlagRaised',
    id: f.id,
    at: f.raisedAt.toISOString(),
    title: `Safety flag raised (${URGENCY_WORDS[f.urgency]})`,
    detail: clip(f.reason),
    actor: f.raisedBy?.name ?? null,
    noteId: null,
  }));
}

/**
 * The care team: who acknowledged which flag. The patient (safetyFlag.readStatus): that their team
 * saw what their answers raised, and nothing more.
 */
export async function safetyFlagAcknowledgedItems(source: Source): Promise<TimelineItem[]> {
  const { viewer } = source;
  const team = can(viewer, 'safetyFlag.read');
  if (!team && !can(viewer, 'safetyFlag.readStatus')) return [];
  // SECURITY: the patient's status covers the flags their own answers raised (decision 019).
  const only = team ? {} : { source: { not: 'CLINICIAN' as const } };
  const rows = await source.tx.safetyFlag.findMany({
    ...stepWindow(source, 'safetyFlagAcknowledged', 'acknowledgedAt', only),
    select: flagFields,
  });
  return rows.map((f) => ({
    kind: 'safetyFlagAcknowledged',
    id: f.id,
    at: f.acknowledgedAt!.toISOString(),
    title: team ? 'Safety flag acknowledged' : 'Your care team saw your answer',
    detail: team ? clip(f.reason) : null,
    actor: team ? (f.acknowledgedBy?.name ?? null) : null,
    noteId: null,
  }));
}

/** The care team: who resolved which flag, the outcome and the note. */
export async function safetyFlagResolvedItems(source: Source): Promise<TimelineItem[]> {
  if (!can(source.viewer, 'safetyFlag.read')) return [];
  const rows = await source.tx.safetyFlag.findMany({
    ...stepWindow(source, 'safetyFlagResolved', 'resolvedAt'),
    select: flagFields,
  });
  return rows.map((f) => ({
    kind: 'safetyFlagResolved',
    id: f.id,
    at: f.resolvedAt!.toISOString(),
    title: `Safety flag resolved: ${f.outcome ? OUTCOME_WORDS[f.outcome] : 'resolved'}`,
    detail: clip(f.resolutionNote),
    actor: f.resolvedBy?.name ?? null,
    noteId: null,
  }));
}
