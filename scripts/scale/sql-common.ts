// SQL fragments shared by the scale dataset's builders. Only numbers from the layout and fixed
// words are spliced into the SQL (never input), so plain interpolation is safe here.
import { SCALE_DOMAIN, type Layout } from './layout';

/** A deterministic UUID for row `expr` of a kind: the same run gives the same ids. */
export const id = (kind: string, expr: string) => `md5('${kind}:' || (${expr}))::uuid`;

export const ORG_ID = `md5('org:1')::uuid`;
export const ORG_SLUG = 'scale-clinic';

/** The anchor's midnight (UTC) plus `days` days (negative for the past). */
export const at = (layout: Layout, days: string) =>
  `(timestamptz '${layout.anchor} 00:00:00+00' + (${days}) * interval '1 day')`;
export const day = (layout: Layout, days: string) => `(date '${layout.anchor}' + (${days})::int)`;

/** The user id of clinician number `c` (admins, then prescribers, then therapists). */
export const clinicianId = (c: string) => id('user', c);
export const prescriberUser = (layout: Layout, q: string) => clinicianId(`${layout.admins} + (${q})`);
export const therapistUser = (layout: Layout, t: string) =>
  clinicianId(`${layout.admins + layout.prescribers} + (${t})`);
export const patientId = (i: string) => id('patient', i);
export const patientUser = (i: string) => id('puser', i);

/** The prescriber index of patient `i` (see prescriberOf in layout.ts). */
export const prescriberOf = (layout: Layout, i: string) =>
  `(CASE WHEN (${i}) < ${layout.caseload} THEN 0
         ELSE 1 + ((${i}) - ${layout.caseload}) % ${layout.prescribers - 1} END)`;
export const therapistOf = (layout: Layout, i: string) => `((${i}) % ${layout.therapists})`;

/** Clinician number `c`'s email, role and name. */
export function clinicianColumns(layout: Layout, c: string) {
  const { admins: a, prescribers: p } = layout;
  return {
    email: `(CASE WHEN ${c} < ${a} THEN 'admin.' || ${c}
                  WHEN ${c} < ${a + p} THEN 'prescriber.' || (${c} - ${a})
                  ELSE 'therapist.' || (${c} - ${a + p}) END) || '@${SCALE_DOMAIN}'`,
    role: `(CASE WHEN ${c} < ${a} THEN 'ADMIN' WHEN ${c} < ${a + p} THEN 'PRESCRIBER'
                 ELSE 'THERAPIST' END)`,
  };
}

export const patientEmailSql = (i: string) => `'patient.' || (${i}) || '@${SCALE_DOMAIN}'`;

const FIRST = ['Robin', 'Taylor', 'Morgan', 'Jamie', 'Quinn', 'Harper', 'Rowan', 'Skyler',
  'Avery', 'Casey', 'Drew', 'Emerson', 'Finley', 'Hayden', 'Jordan', 'Kendall'];
const LAST = ['Ellis', 'Hayes', 'Reyes', 'Novak', 'Baptiste', 'Lindqvist', 'Osei', 'Tanaka',
  'Moreau', 'Okafor', 'Petrov', 'Quintero', 'Sato', 'Varga', 'Walsh', 'Young'];
const list = (words: readonly string[]) => `ARRAY[${words.map((w) => `'${w}'`).join(',')}]`;

/** A person's name from their number (256 first/last combinations, then a number). */
export const nameSql = (n: string) =>
  `(${list(FIRST)})[1 + (${n}) % 16] || ' ' || (${list(LAST)})[1 + ((${n}) / 16) % 16]`;
