import 'server-only';
import { audienceOf, can } from '@/lib/auth/policy';
import { clip, person, windowOf, type Source } from '@/lib/data/timeline/cursor';
import { formatDate, toIsoDate } from '@/lib/format';
import type { TimelineItem } from '@/lib/schemas/timeline';

const none = { actor: null, noteId: null } as const;

/** The patient's check-ins: mood, sleep and the first side effects. */
export async function checkInItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer } = source;
  const checkIns = await tx.checkIn.findMany({
    ...windowOf(source, 'checkIn', 'createdAt'),
    select: {
      id: true,
      localDate: true,
      mood: true,
      sleepHours: true,
      createdAt: true,
      sideEffects: { select: { name: true, severity: true }, take: 5, orderBy: { name: 'asc' } },
    },
  });
  const forPatient = audienceOf(viewer) === 'patient';
  return checkIns.map((c) => {
    const parts = [`Mood ${c.mood}/10`];
    if (c.sleepHours !== null) parts.push(`sleep ${Number(c.sleepHours)} h`);
    if (c.sideEffects.length > 0) {
      const effects = c.sideEffects.map((s) => `${s.name} (${s.severity.toLowerCase()})`);
      parts.push(`side effects: ${effects.join(', ')}`);
    }
    const day = formatDate(toIsoDate(c.localDate));
    return {
      kind: 'checkIn',
      id: c.id,
      at: c.createdAt.toISOString(),
      title: forPatient ? `You checked in for ${day}` : `Check-in for ${day}`,
      detail: `${parts.join('; ')}.`,
      ...none,
    };
  });
}

/** Completed questionnaires; that one raised a safety flag is told to the care team only. */
export async function assessmentItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer } = source;
  const assessments = await tx.assessment.findMany({
    ...windowOf(source, 'assessment', 'completedAt'),
    select: {
      id: true,
      instrument: true,
      score: true,
      severity: true,
      safetyFlag: true,
      completedAt: true,
    },
  });
  const lead = audienceOf(viewer) === 'patient' ? 'You completed a ' : '';
  const seesFlags = can(viewer, 'safetyFlag.read');
  return assessments.map((a) => ({
    kind: 'assessment',
    id: a.id,
    at: a.completedAt.toISOString(),
    title: `${lead}${a.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7'}: ${a.score} (${a.severity})`,
    detail: a.safetyFlag && seesFlags ? 'Item 9 answered above 0: safety flag raised.' : null,
    ...none,
  }));
}

/** Versions of the treatment plan. */
export async function planVersionItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer } = source;
  const versions = await tx.treatmentPlanVersion.findMany({
    ...windowOf(source, 'planVersion', 'createdAt'),
    select: {
      id: true,
      version: true,
      changeSummary: true,
      patientSummary: true,
      createdAt: true,
      author: person,
    },
  });
  const forPatient = audienceOf(viewer) === 'patient';
  const [created, updated] = forPatient
    ? ['Your treatment plan was written', 'Your treatment plan was updated']
    : ['Treatment plan created', 'Treatment plan updated'];
  return versions.map((v) => ({
    kind: 'planVersion',
    id: v.id,
    at: v.createdAt.toISOString(),
    title: v.version === 1 ? created : `${updated} (version ${v.version})`,
    // The patient reads the care team's words for them, never the clinical change summary.
    detail: clip(forPatient ? v.patientSummary : v.changeSummary),
    actor: v.author.name,
    noteId: null,
  }));
}

/** Care-team messages: for clinicians on the team only (message.read). */
export async function messageItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer } = source;
  // SECURITY: care-team messages are for clinicians on the team only.
  if (!can(viewer, 'message.read')) return [];
  const messages = await tx.careTeamMessage.findMany({
    ...windowOf(source, 'message', 'createdAt'),
    select: { id: true, body: true, createdAt: true, author: person },
  });
  return messages.map((m) => ({
    kind: 'message',
    id: m.id,
    at: m.createdAt.toISOString(),
    title: 'Care-team message',
    detail: clip(m.body),
    actor: m.author.name,
    noteId: null,
  }));
}
