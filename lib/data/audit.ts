import 'server-only';
import { createHash } from 'node:crypto';
import { auditHash } from '@/lib/audit-chain';
import type { AuditAction, AuditResource } from '@/lib/audit-vocabulary';
import type { Tx } from '@/lib/db';
import type { Role, Viewer } from '@/lib/auth/viewer';

export type AuditEntry = {
  organizationId: string | null;
  actorId?: string | null;
  actorRole?: Role | null;
  actorEmail?: string | null;
  action: AuditAction;
  resourceType: AuditResource;
  resourceId?: string | null;
  patientId?: string | null;
  /** A list view: every patient it showed (docs/decisions/028-list-view-events.md). */
  patientIds?: string[];
  outcome: 'ALLOWED' | 'DENIED' | 'FAILED';
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  clientRequestId?: string | null;
  detail?: string | null;
  /** The request was a poll or refetch, not a person's action (Viewer.background). */
  background?: boolean;
};

/** A background read within this long after the same foreground access repeats it. */
export const BACKGROUND_REPEAT_WINDOW_MS = 30 * 60 * 1000;

const READ_ACTIONS = new Set(['read', 'list']);

/**
 * SECURITY: the foreground access a background read repeats, or null. Only an allowed read by a
 * known actor about one patient can repeat one: the same actor, patient and resource type, not
 * itself background, allowed, at most 30 minutes before. The patient's access log leaves out
 * only reads that repeat one (it already shows that access), so setting the background header
 * cannot hide a first read, a write or a refusal from the patient.
 */
async function repeatedAccess(tx: Tx, entry: AuditEntry, at: Date): Promise<string | null> {
  if (
    !entry.background ||
    entry.outcome !== 'ALLOWED' ||
    !READ_ACTIONS.has(entry.action) ||
    !entry.actorId ||
    !entry.patientId
  ) {
    return null;
  }
  const foreground = await tx.auditEvent.findFirst({
    where: {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      patientId: entry.patientId,
      resourceType: entry.resourceType,
      background: false,
      outcome: 'ALLOWED',
      occurredAt: { gte: new Date(at.getTime() - BACKGROUND_REPEAT_WINDOW_MS), lte: at },
    },
    orderBy: { occurredAt: 'desc' },
    select: { id: true },
  });
  return foreground?.id ?? null;
}

// A resource id as lib/data writes it: a UUID, a version number, "versions 1 and 2".
const PLAIN_RESOURCE_ID = /^[A-Za-z0-9 ._:-]{1,100}$/;
const UNSAFE_TEXT =
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_TEXT = 1000;

/**
 * A resource id fit for the trail: kept when plain, else a marker with a digest, so repeated
 * attempts with the same input can still be told apart and matched without storing it.
 */
export function auditResourceId(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (PLAIN_RESOURCE_ID.test(value)) return value;
  return `unreadable:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
}

/** Text fit for the trail: control characters and lone surrogates escaped, at most 1000 characters. */
export function auditText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const escaped = value.replace(
    UNSAFE_TEXT,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > MAX_TEXT ? `${escaped.slice(0, MAX_TEXT - 1)}…` : escaped;
}

/**
 * SECURITY: an audit row never holds raw request input. PostgreSQL refuses a NUL in text, so a
 * hostile id copied into the row would fail the insert (the refusal answered 500 and unaudited);
 * control characters would forge lines wherever the trail is shown or exported.
 */
function sanitized(entry: AuditEntry): AuditEntry {
  return {
    ...entry,
    actorEmail: auditText(entry.actorEmail),
    resourceId: auditResourceId(entry.resourceId),
    ip: auditText(entry.ip),
    userAgent: auditText(entry.userAgent),
    requestId: auditText(entry.requestId),
    clientRequestId: auditText(entry.clientRequestId),
    detail: auditText(entry.detail),
  };
}

/**
 * Appends audit events inside the caller's transaction. Called by lib/data only.
 * SECURITY: every read or write of patient data, and every denial, is recorded
 * (docs/decisions/007-audit-trail.md). Each event carries the hash of its own content; the
 * database stamps it with its transaction's id, and the sealer (lib/data/audit-seals.ts) later
 * chains it into a seal (docs/decisions/027-audit-seals.md). No lock, no read of another event:
 * writers never wait for each other.
 */
export async function writeAuditEvents(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const occurredAt = new Date();
  const sane = entries.map(sanitized);
  const repeats = await Promise.all(sane.map((e) => repeatedAccess(tx, e, occurredAt)));
  const rows = sane.map((entry, i) => {
    const event = { ...entry, background: entry.background ?? false, repeatOfId: repeats[i] };
    return {
      ...event,
      occurredAt,
      prevHash: null,
      hash: auditHash(null, { ...event, occurredAt }),
    };
  });
  await tx.auditEvent.createMany({ data: rows });
}

/** Appends one audit event inside the caller's transaction (see writeAuditEvents). */
export function writeAuditEvent(tx: Tx, entry: AuditEntry): Promise<void> {
  return writeAuditEvents(tx, [entry]);
}

function accessEntry(
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResource,
  options: AccessOptions,
): AuditEntry {
  return {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    actorRole: viewer.role,
    actorEmail: viewer.email,
    action,
    resourceType,
    resourceId: options.resourceId ?? null,
    patientId: options.patientId ?? null,
    outcome: options.outcome ?? 'ALLOWED',
    ip: viewer.ip ?? null,
    userAgent: viewer.userAgent ?? null,
    requestId: viewer.requestId ?? null,
    clientRequestId: viewer.clientRequestId ?? null,
    detail: options.detail ?? null,
    background: viewer.background ?? false,
  };
}

type AccessOptions = {
  patientId?: string | null;
  resourceId?: string | null;
  outcome?: AuditEntry['outcome'];
  detail?: string;
};

/**
 * Records that a list showed data of several patients (a caseload page, the patients list, the
 * organization overview): ONE event carrying every patient shown (`patientIds`), so a view costs
 * one row however long the list, and each patient's "who viewed my record" still shows it.
 */
export function recordListAccess(
  tx: Tx,
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResource,
  patientIds: string[],
  detail?: string,
): Promise<void> {
  const entry = accessEntry(viewer, action, resourceType, { detail });
  return writeAuditEvent(tx, { ...entry, patientIds: [...new Set(patientIds)] });
}

/** Records a viewer's access to patient data (or its denial) inside the caller's transaction. */
export function recordAccess(
  tx: Tx,
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResource,
  options: AccessOptions = {},
): Promise<void> {
  return writeAuditEvent(tx, accessEntry(viewer, action, resourceType, options));
}

const audited = new WeakSet<object>();

/**
 * Marks an error whose refusal or failure lib/data has written to the trail, so that the API
 * wrapper (lib/api/handler.ts) does not record the same refusal a second time.
 */
export function markAudited<E>(error: E): E {
  if (typeof error === 'object' && error !== null) audited.add(error);
  return error;
}

/** Whether lib/data has already recorded the refusal or failure this error reports. */
export function isAudited(error: unknown): boolean {
  return typeof error === 'object' && error !== null && audited.has(error);
}
