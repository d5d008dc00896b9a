// The record as a PDF the patient can keep or hand to another clinic (pdfkit, server-side). The
// name, date of birth and the date it was made are on every page; the end says what the record
// leaves out and which lists hold only their newest entries. Pure apart from pdfkit: no I/O.
import { exportGoalStatuses } from '@/lib/record-export/goal-status';
import { patientGoalStatusLabels } from '@/components/treatment-plan/goal-status';
import PDFDocument from 'pdfkit';
import { watchListFor } from '@/lib/clinical/monitoring-words';
import { NOTE_SECTIONS } from '@/lib/schemas/session-notes';
import { SAFETY_PLAN_SECTIONS } from '@/lib/schemas/safety-plan';
import type { RecordExport, RecordKind } from '@/lib/record-export/types';

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 54;

const day = (iso: string) => iso.slice(0, 10);
const words = (value: string) => value.toLowerCase().replaceAll('_', ' ');

function heading(doc: Doc, title: string) {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('#111').text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
}

function line(doc: Doc, value: string, options: { bold?: boolean; indent?: number } = {}) {
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  doc.text(value, { indent: options.indent ?? 0 });
}

function none(doc: Doc, what: string) {
  doc.font('Helvetica-Oblique').fontSize(10).text(`No ${what} yet.`);
}

function dose(item: { dose: number | null; unit: string | null; frequency: string | null }) {
  return [item.dose === null ? null : `${item.dose} ${item.unit ?? ''}`.trim(), item.frequency]
    .filter(Boolean)
    .join(', ');
}

function planSection(doc: Doc, r: RecordExport) {
  heading(doc, 'Treatment plan');
  if (!r.plan) return none(doc, 'treatment plan');
  const p = r.plan;
  line(doc, `Version ${p.version}, written ${day(p.createdAt)} by ${p.author.name}.`);
  if (p.patientSummary) line(doc, `What changed: ${p.patientSummary}`);
  if (p.reviewBy) line(doc, `Next review by ${p.reviewBy}.`);
  if (p.presentingConcerns) line(doc, `What brought you in: ${p.presentingConcerns}`);
  if (p.patientGoalsOwnWords) line(doc, `In your own words: ${p.patientGoalsOwnWords}`);
  doc.moveDown(0.3);
  line(doc, 'Goals', { bold: true });
  const statuses = exportGoalStatuses(r);
  if (p.goals.length === 0) none(doc, 'goals');
  for (const g of p.goals) {
    const target =
      g.targetValue === null
        ? ''
        : ` (target: ${g.direction === 'AT_LEAST' ? 'at least' : 'at most'} ${g.targetValue}${g.measureUnit ? ` ${g.measureUnit}` : ''}${g.measureName ? ` ${g.measureName}` : g.measureKind === 'PHQ9' ? ' on the PHQ-9' : g.measureKind === 'GAD7' ? ' on the GAD-7' : ''})`;
    // The patient's copy: the goal in their care team's words for them, and the clinical wording too.
    const status = statuses.get(g.goalKey);
    const shown = status ? patientGoalStatusLabels[status].toLowerCase() : words(g.status);
    line(doc, `• ${g.patientWording || g.description}${target}, ${shown}`, { indent: 10 });
    if (g.patientWording) line(doc, `Your care team’s wording: ${g.description}`, { indent: 20 });
  }
  if (p.interventions.length) {
    doc.moveDown(0.3);
    line(doc, 'What we do together', { bold: true });
    for (const i of p.interventions) {
      line(
        doc,
        `• ${i.description}${i.frequency ? `, ${i.frequency}` : ''}${i.owner ? ` (${i.owner.name})` : ''}`,
        { indent: 10 },
      );
    }
  }
}

function medicationSections(doc: Doc, r: RecordExport) {
  heading(doc, 'Current medications');
  const taking = r.regimen.filter((i) => i.status !== 'STOPPED');
  if (taking.length === 0) none(doc, 'current medications');
  for (const item of taking) {
    const held = item.status === 'HELD' ? ' (on hold)' : '';
    line(doc, `• ${item.medication} ${dose(item)}${held}, since ${item.since}`, { indent: 10 });
  }
  heading(doc, 'Medication history');
  if (r.medicationChanges.length === 0) none(doc, 'medication changes');
  for (const c of r.medicationChanges) {
    line(
      doc,
      `${c.effectiveDate}: ${words(c.action)} ${c.medication} ${dose(c)} (${c.prescriber.name})`,
      { bold: true },
    );
    if (c.reason) line(doc, `Why: ${c.reason}`, { indent: 10 });
    if (c.patientExplanation) line(doc, c.patientExplanation, { indent: 10 });
    if (c.monitorFor.length) {
      line(doc, `Watch for: ${watchListFor(c.monitorFor).join('; ')}`, { indent: 10 });
    }
    if (c.correctedById) line(doc, 'Later corrected.', { indent: 10 });
  }
}

function measuresSections(doc: Doc, r: RecordExport) {
  heading(doc, 'Questionnaires (PHQ-9 and GAD-7)');
  if (r.assessments.length === 0) none(doc, 'questionnaires');
  for (const a of r.assessments) {
    line(
      doc,
      `${day(a.completedAt)}: ${a.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7'} ${a.score} (${a.severity})`,
    );
  }
  heading(doc, 'Check-ins');
  if (r.checkIns.length === 0) none(doc, 'check-ins');
  for (const c of r.checkIns) {
    const parts = [
      c.mood !== null && `mood ${c.mood}/10`,
      c.sleepHours !== null && `slept ${c.sleepHours} h`,
      c.sleepQuality !== null && `sleep quality ${c.sleepQuality}/5`,
      c.energy !== null && `energy ${c.energy}/5`,
      c.focus !== null && `focus ${c.focus}/5`,
      c.appetite !== null && `appetite ${c.appetite}/5`,
      ...c.measures.map((m) => `${m.name ?? 'measure'} ${m.value}${m.unit ? ` ${m.unit}` : ''}`),
      ...c.sideEffects.map((s) => `${s.name} (${words(s.severity)})`),
    ].filter(Boolean);
    line(doc, `${c.localDate}: ${parts.join(', ')}`);
    if (c.note) line(doc, `“${c.note}”`, { indent: 10 });
  }
}

const SECTION_TITLES: Record<(typeof SAFETY_PLAN_SECTIONS)[number], string> = {
  warningSigns: '1. My warning signs',
  copingStrategies: '2. Things I can do on my own',
  distractions: '3. People and places that take my mind off things',
  helpers: '4. People I can ask for help',
  professionals: '5. Professionals I can contact',
  environmentSafety: '6. Making my surroundings safe',
  reasonsForLiving: '7. My reasons for living',
};

function safetyPlanSection(doc: Doc, r: RecordExport) {
  heading(doc, 'Safety plan');
  const plan = r.safetyPlan;
  if (!plan) none(doc, 'safety plan');
  else {
    line(doc, `Version ${plan.version}, ${day(plan.createdAt)}.`);
    for (const section of SAFETY_PLAN_SECTIONS) {
      const items = plan[section] as (string | { name: string; phone?: string | null })[];
      if (items.length === 0) continue;
      line(doc, SECTION_TITLES[section], { bold: true });
      for (const item of items) {
        const said =
          typeof item === 'string' ? item : `${item.name}${item.phone ? `, ${item.phone}` : ''}`;
        line(doc, `• ${said}`, { indent: 10 });
      }
    }
  }
  line(doc, 'In a crisis, always:', { bold: true });
  for (const c of r.crisisLines) line(doc, `• ${c.name}: ${c.phone} (${c.detail})`, { indent: 10 });
}

function notesSection(doc: Doc, r: RecordExport) {
  heading(doc, 'Session notes shared with you');
  if (r.sessionNotes.length === 0) none(doc, 'session notes shared with you');
  for (const note of r.sessionNotes) {
    const kind = note.kind === 'THERAPY' ? 'Therapy' : 'Medication management';
    line(doc, `${note.sessionDate}: ${kind} session with ${note.author.name}`, { bold: true });
    for (const [key, label] of NOTE_SECTIONS[note.format]) {
      line(doc, `${label}: ${note.body[key] ?? ''}`, { indent: 10 });
    }
    for (const a of note.addenda)
      line(doc, `Added ${day(a.createdAt)} by ${a.author.name}: ${a.body}`, { indent: 10 });
    doc.moveDown(0.3);
  }
}

const KIND_WORDS: Record<RecordKind, string> = {
  medicationChanges: 'medication changes',
  sessionNotes: 'session notes',
  checkIns: 'check-ins',
  assessments: 'questionnaires',
};

function aboutSection(doc: Doc, r: RecordExport) {
  heading(doc, 'About this record');
  line(
    doc,
    'It holds everything in Triad that you can read yourself. It leaves out psychotherapy notes (your therapist’s private process notes, which the law keeps apart) and the notes your care team writes to each other.',
  );
  for (const kind of Object.keys(r.truncated) as RecordKind[]) {
    if (r.truncated[kind])
      line(
        doc,
        `Only your newest ${r.limits[kind]} ${KIND_WORDS[kind]} are included: ask your clinic for the rest.`,
      );
  }
}

/** Name, date of birth and the date made, at the top of every page; page numbers at the foot. */
function stampPages(doc: Doc, r: RecordExport) {
  const { start, count } = doc.bufferedPageRange();
  const made = day(r.generatedAt);
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // Text below the bottom margin would start a new page: the stamps sit in the margins.
    doc.page.margins = { top: 0, bottom: 0, left: MARGIN, right: MARGIN };
    const width = doc.page.width - 2 * MARGIN;
    doc.font('Helvetica').fontSize(8).fillColor('#444');
    doc.text(`${r.patient.name} · born ${r.patient.dateOfBirth} · made ${made}`, MARGIN, 24, {
      width,
      lineBreak: false,
    });
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, doc.page.height - 36, {
      width,
      align: 'right',
      lineBreak: false,
    });
  }
}

/** Renders the record to PDF bytes. */
export async function recordToPdf(r: RecordExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Health record of ${r.patient.name}`,
      Author: r.patient.organization,
      Creator: 'Triad',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(`Health record of ${r.patient.name}`);
  line(
    doc,
    `Born ${r.patient.dateOfBirth}${r.patient.pronouns ? ` · ${r.patient.pronouns}` : ''} · ${r.patient.organization}`,
  );
  line(
    doc,
    `Made ${day(r.generatedAt)} · care team: ${r.careTeam.map((c) => `${c.name} (${words(c.role)})`).join(', ') || 'none'}`,
  );
  planSection(doc, r);
  medicationSections(doc, r);
  safetyPlanSection(doc, r);
  measuresSections(doc, r);
  notesSection(doc, r);
  aboutSection(doc, r);
  stampPages(doc, r);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
