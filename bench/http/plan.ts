// What the baseline sends for each endpoint, taken from what Triad sent: Triad runs once with
// bench/http/sql-log.cjs preloaded (and its job runner off, so only the request's statements are
// logged); each endpoint is asked once and its statements are sorted into transaction control,
// session check, scope check, audit inserts and data. The baseline does the session check, the
// scope check and the audit inserts in its own way (bench/http/baseline-core.ts), and sends the
// data statements as Triad sent them, with the same parameters: the same SQL on the same rows.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Endpoint } from './endpoints';
import type { AuditAccess } from './baseline-core';

export type Statement = { text: string; values: unknown[] };

export type EndpointPlan = {
  path: string;
  /** Triad checked the path's patient's scope on its own (patient-scoped reads). */
  scoped: boolean;
  data: Statement[];
  audits: AuditAccess[];
  /** How many statements Triad sent, by kind. */
  counts: Record<Kind, number>;
};

export type Plan = Record<string, EndpointPlan>;

type Kind = 'transaction' | 'session' | 'scope' | 'audit' | 'data';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function kindOf(text: string): Kind {
  const sql = oneLine(text);
  if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET TRANSACTION)\b/i.test(sql))
    return 'transaction';
  if (/^INSERT INTO "(public"\.")?AuditEvent"/.test(sql)) return 'audit';
  if (/"sessionVersion" =|"requireSecondFactor"|FROM "(public"\.")?SecondFactor"/.test(sql)) {
    return 'session';
  }
  if (
    sql.startsWith(
      'SELECT "public"."Patient"."id", "public"."Patient"."organizationId" FROM "public"."Patient" WHERE ("public"."Patient"."id" = $1',
    )
  ) {
    return 'scope';
  }
  return 'data';
}

/** The audit event an INSERT wrote, from its parameters (lib/data/audit.ts column order). */
function auditOf(values: unknown[]): AuditAccess {
  return {
    action: String(values[4]),
    resourceType: String(values[5]),
    resourceId: (values[6] as string | null) ?? null,
    patientId: (values[7] as string | null) ?? null,
    patientIds: (values[8] as string[] | null) ?? [],
  };
}

export function planOf(path: string, logged: Statement[]): EndpointPlan {
  const plan: EndpointPlan = {
    path,
    scoped: false,
    data: [],
    audits: [],
    counts: { transaction: 0, session: 0, scope: 0, audit: 0, data: 0 },
  };
  for (const statement of logged) {
    const kind = kindOf(statement.text);
    plan.counts[kind] += 1;
    if (kind === 'scope') plan.scoped = true;
    if (kind === 'audit') plan.audits.push(auditOf(statement.values));
    if (kind === 'data') plan.data.push(statement);
  }
  return plan;
}

export function readLog(file: string): Statement[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Statement);
}

/** One line per endpoint: what Triad sent for one request, and what the baseline will send. */
export function describePlan(endpoint: Endpoint, plan: EndpointPlan): string {
  const c = plan.counts;
  const triad = Object.values(c).reduce((a, b) => a + b, 0);
  const baseline = 1 + (plan.scoped ? 1 : 0) + plan.data.length + plan.audits.length;
  return `${endpoint.name}: Triad ${triad} statements (${c.transaction} transaction, ${c.session} session, ${c.scope} scope, ${c.data} data, ${c.audit} audit); baseline ${baseline} (1 session, ${plan.scoped ? 1 : 0} scope, ${plan.data.length} data, ${plan.audits.length} audit)`;
}

export function writePlan(file: string, plan: Plan): void {
  writeFileSync(file, JSON.stringify(plan));
}

export function loadPlan(file: string): Plan {
  return JSON.parse(readFileSync(file, 'utf8')) as Plan;
}
