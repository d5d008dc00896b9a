// Audit events: months of reads and list views by clinicians and patients, generated here and
// streamed with COPY, each carrying the hash of its own content exactly as writeAuditEvents
// stores it (auditHash(null, event), the same function), so the sealer and audit:verify agree.
// Event n: r = n % 20 picks the kind (11 in 20 a clinician of the patient's team reading a
// part of the record, 4 the patient reading their own, 1 a patient's check-in, 2 caseload
// views, 1 an admin's patient list, 1 a sign-in); p = n * 7919 % N the patient.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { auditHash, type ChainedFields } from '@/lib/audit-chain';
import {
  adminEmail,
  patientEmail,
  prescriberEmail,
  prescriberOf,
  therapistEmail,
  therapistOf,
  type Layout,
} from './layout';

/** The same ids as sql-common.ts's id(): md5('kind:n') read as a UUID. */
export function scaleUuid(kind: string, n: number | string): string {
  const h = createHash('md5').update(`${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CLINICIAN_READS = ['chartOverview', 'medication', 'checkIn', 'sessionNote', 'timeline', 'trends', 'treatmentPlan', 'brief'];
const PATIENT_READS = ['medication', 'checkIn', 'treatmentPlan', 'careSummary'];
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
];

type Actor = { id: string; role: string; email: string };

/** Every account and patient id, computed once. */
function people(l: Layout) {
  const clinicians: Actor[] = [];
  for (let c = 0; c < l.clinicians; c++) {
    const [role, email] =
      c < l.admins
        ? ['ADMIN', adminEmail(c)]
        : c < l.admins + l.prescribers
          ? ['PRESCRIBER', prescriberEmail(c - l.admins)]
          : ['THERAPIST', therapistEmail(c - l.admins - l.prescribers)];
    clinicians.push({ id: scaleUuid('user', c), role, email });
  }
  const patients: string[] = [];
  const accounts: Actor[] = [];
  for (let i = 0; i < l.patients; i++) {
    patients.push(scaleUuid('patient', i));
    accounts.push({ id: scaleUuid('puser', i), role: 'PATIENT', email: patientEmail(i) });
  }
  return { clinicians, patients, accounts };
}

/** The first page (20) of clinician c's caseload, as the caseload view showed it. */
function caseloadPage(l: Layout, c: number): number[] {
  const page: number[] = [];
  for (let s = 0; s < 20; s++) {
    const q = c - l.admins;
    const i =
      q === 0
        ? s
        : q < l.prescribers
          ? l.caseload + (q - 1) + s * (l.prescribers - 1)
          : q - l.prescribers + s * l.therapists;
    if (i < l.patients && (q !== 0 || i < l.caseload)) page.push(i);
  }
  return page;
}

type Event = { actor: Actor; action: string; resourceType: string; patient: number | null; listed: number[]; detail: string | null };

function eventKind(l: Layout, all: ReturnType<typeof people>, n: number): Event {
  const r = n % 20;
  const w = Math.floor(n / 20);
  const p = (n * 7919) % l.patients;
  const clinician = (c: number) => all.clinicians[c]!;
  const base = { patient: null, listed: [], detail: null };
  if (r <= 10) {
    const c = r % 2 === 0 ? l.admins + prescriberOf(l, p) : l.admins + l.prescribers + therapistOf(l, p);
    return { ...base, actor: clinician(c), action: 'read', resourceType: CLINICIAN_READS[w % 8]!, patient: p };
  }
  if (r <= 14 || r === 19) {
    const create = r === 14;
    const resourceType = create ? 'checkIn' : PATIENT_READS[w % 4]!;
    return { ...base, actor: all.accounts[p]!, action: create ? 'create' : 'read', resourceType, patient: p };
  }
  if (r === 15 || r === 16) {
    const c = r === 15 ? l.admins + (w % l.prescribers) : l.admins + l.prescribers + (w % l.therapists);
    const listed = caseloadPage(l, c);
    return { ...base, actor: clinician(c), action: 'read', resourceType: 'caseload', listed, detail: 'page 1 of the caseload' };
  }
  if (r === 17) {
    const first = (w * 20) % l.patients;
    const listed = Array.from({ length: Math.min(20, l.patients - first) }, (_, s) => first + s);
    return { ...base, actor: clinician(w % l.admins), action: 'list', resourceType: 'patient', listed };
  }
  const actor = w % 2 === 0 ? clinician(w % l.clinicians) : all.accounts[p]!;
  return { ...base, actor, action: 'sign-in', resourceType: 'session' };
}

const text = (value: string | null) => (value === null ? '\\N' : value);

/**
 * The COPY rows of events [lo, hi), 64 KiB at a time. Async, and yielding to the event loop between
 * pieces: a synchronous generator would stream the whole chunk in one turn of the loop and hold
 * up the other connection's results meanwhile.
 */
async function* rows(l: Layout, all: ReturnType<typeof people>, lo: number, hi: number) {
  const start = Date.parse(`${l.anchor}T00:00:00Z`) - 180 * 86_400_000;
  const step = Math.max(1, Math.floor((180 * 86_400_000) / Math.max(1, l.auditEvents)));
  const organizationId = scaleUuid('org', 1);
  let chunk = '';
  for (let n = lo; n < hi; n++) {
    const e = eventKind(l, all, n);
    const patientId = e.patient === null ? null : all.patients[e.patient]!;
    const patientIds = e.listed.map((i) => all.patients[i]!);
    const fields: ChainedFields = {
      organizationId,
      actorId: e.actor.id,
      actorRole: e.actor.role,
      actorEmail: e.actor.email,
      action: e.action,
      resourceType: e.resourceType,
      resourceId: patientId,
      patientId,
      patientIds,
      outcome: 'ALLOWED',
      ip: `10.${n % 250}.${Math.floor(n / 250) % 250}.${Math.floor(n / 62_500) % 250}`,
      userAgent: AGENTS[(e.patient ?? n) % 3]!,
      // A request id per event, UUID-shaped (hashing one would cost as much as the event's hash).
      requestId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      detail: e.detail,
      occurredAt: new Date(start + n * step),
    };
    chunk += [organizationId, e.actor.id, e.actor.role, e.actor.email, e.action, e.resourceType,
      text(patientId), text(patientId), `{${patientIds.join(',')}}`, 'ALLOWED', fields.ip,
      fields.userAgent, fields.requestId, text(e.detail), fields.occurredAt.toISOString(),
      auditHash(null, fields)].join('\t') + '\n';
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (chunk) yield chunk;
}

const COPY = `COPY "AuditEvent" ("organizationId", "actorId", "actorRole", "actorEmail", action,
  "resourceType", "resourceId", "patientId", "patientIds", outcome, ip, "userAgent", "requestId",
  detail, "occurredAt", hash) FROM STDIN`;

/** A loader of events [lo, hi), one COPY (so one transaction: keep hi - lo under SEAL_BATCH). */
export function auditCopier(l: Layout) {
  const all = people(l);
  return async (client: pg.Client, lo: number, hi: number) => {
    await pipeline(Readable.from(rows(l, all, lo, hi)), client.query(copyFrom(COPY)));
  };
}
