// What the raw baseline (bench/http-baseline.ts) does around every endpoint's data SQL, as Triad
// does it: the next-auth session cookie decoded and its times checked, the account row checked in
// one statement (lib/data/accounts.ts findSessionAccount), the patient's scope
// (lib/auth/policy.ts patientsInScope) and one audit event with its content hash
// (lib/data/audit.ts, lib/audit-chain.ts auditHash). Plain pg, no ORM, no transaction.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { decode } from 'next-auth/jwt';
import type pg from 'pg';
import { auditHash } from '@/lib/audit-chain';
import { sessionCookieName, sessionState } from '@/lib/auth/session-policy';

export type Viewer = {
  userId: string;
  organizationId: string;
  role: 'PATIENT' | 'PRESCRIBER' | 'THERAPIST' | 'ADMIN';
  email: string;
  patientId: string | null;
  mustEnrolSecondFactor: boolean;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
};

function cookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** The signed-in viewer, or null (the request then answers 401). */
export async function viewerOf(
  pool: pg.Pool,
  request: IncomingMessage,
  secret: string,
): Promise<Viewer | null> {
  const raw = cookie(request, sessionCookieName(false));
  if (!raw) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || sessionState(token, new Date()) !== 'active') return null;
  const { rows } = await pool.query<{
    id: string;
    organizationId: string;
    role: Viewer['role'];
    email: string;
    requireSecondFactor: boolean;
    enabledAt: Date | null;
  }>(
    `SELECT u.id, u."organizationId", u.role, u.email, o."requireSecondFactor", f."enabledAt"
       FROM "User" u JOIN "Organization" o ON o.id = u."organizationId"
       LEFT JOIN "SecondFactor" f ON f."userId" = u.id
      WHERE u.id = $1::uuid AND u."sessionVersion" = $2 AND u."disabledAt" IS NULL
        AND u.role = $3::"Role" AND u."organizationId" = $4::uuid`,
    [token.sub, token.sessionVersion, token.role, token.organizationId],
  );
  const account = rows[0];
  if (!account) return null;
  return {
    userId: account.id,
    organizationId: account.organizationId,
    role: account.role,
    email: account.email,
    patientId: account.role === 'PATIENT' ? ((token.patientId as string | null) ?? null) : null,
    mustEnrolSecondFactor:
      account.requireSecondFactor && account.role !== 'PATIENT' && !account.enabledAt,
    ip: request.socket.remoteAddress ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: randomUUID(),
  };
}

/** The patient when in the viewer's scope, else null (404): patientsInScope in SQL. */
export async function patientInScope(pool: pg.Pool, viewer: Viewer, patientId: string) {
  const { rows } = await pool.query<{ id: string; organizationId: string }>(
    `SELECT p.id, p."organizationId" FROM "Patient" p
      WHERE p.id = $1::uuid AND p."organizationId" = $2::uuid
        AND CASE $3::"Role"
              WHEN 'PATIENT' THEN p.id = $4::uuid
              WHEN 'ADMIN' THEN true
              ELSE EXISTS (SELECT 1 FROM "CareTeamMembership" m
                            WHERE m."patientId" = p.id AND m."clinicianId" = $5::uuid
                              AND m."endedAt" IS NULL)
            END`,
    [patientId, viewer.organizationId, viewer.role, viewer.patientId, viewer.userId],
  );
  return rows[0] ?? null;
}

export type AuditAccess = {
  action: string;
  resourceType: string;
  patientId?: string | null;
  patientIds?: string[];
  resourceId?: string | null;
};

/** One INSERT of one audit event, hashed as lib/data/audit.ts hashes it (no lock, no chain read). */
export async function audit(pool: pg.Pool, viewer: Viewer, access: AuditAccess): Promise<void> {
  const event = {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    actorRole: viewer.role,
    actorEmail: viewer.email,
    action: access.action,
    resourceType: access.resourceType,
    resourceId: access.resourceId ?? null,
    patientId: access.patientId ?? null,
    patientIds: access.patientIds ?? [],
    outcome: 'ALLOWED',
    ip: viewer.ip,
    userAgent: viewer.userAgent,
    requestId: viewer.requestId,
    clientRequestId: null,
    detail: null,
    background: false,
    repeatOfId: null,
    occurredAt: new Date(),
  };
  await pool.query(
    `INSERT INTO "AuditEvent" ("organizationId", "actorId", "actorRole", "actorEmail", action,
       "resourceType", "resourceId", "patientId", "patientIds", outcome, ip, "userAgent",
       "requestId", "clientRequestId", detail, background, "repeatOfId", "occurredAt", "prevHash", hash)
     VALUES ($1, $2, $3::"Role", $4, $5, $6, $7, $8, $9::uuid[], $10::"AuditOutcome", $11, $12,
       $13, $14, $15, $16, $17, $18, NULL, $19)`,
    [
      event.organizationId,
      event.actorId,
      event.actorRole,
      event.actorEmail,
      event.action,
      event.resourceType,
      event.resourceId,
      event.patientId,
      event.patientIds,
      event.outcome,
      event.ip,
      event.userAgent,
      event.requestId,
      event.clientRequestId,
      event.detail,
      event.background,
      event.repeatOfId,
      event.occurredAt,
      auditHash(null, event),
    ],
  );
}
