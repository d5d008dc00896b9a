import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  audienceOf,
  can,
  isAuthor,
  patientsInScope,
  permissionTable,
  type Permission,
} from '@/lib/auth/policy';
import { ROLES, type Role, type Viewer } from '@/lib/auth/viewer';

// The access table (docs/access-rules.md): the permission table must say exactly this.
const ACCESS_TABLE = readFileSync(join(process.cwd(), 'docs/access-rules.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('|'))
  .join('\n');

// How each row's resource and each cell's words name permissions.
const RESOURCES: Record<string, string[]> = {
  'patient profile, care team': ['patient'],
  'treatment plan': ['treatmentPlan'],
  'medication changes': ['medicationChange'],
  'session notes (progress notes)': ['sessionNote'],
  'psychotherapy notes': ['psychotherapyNote'],
  'check-ins, assessments': ['checkIn', 'assessment'],
  'care-team messages': ['message'],
  'before-session brief': ['brief'],
  'who viewed my record': ['accessLog'],
  'safety flags': ['safetyFlag'],
  'contact details, emergency contact': ['contact'],
  'safety plan (Stanley–Brown)': ['safetyPlan'],
  'notifications (inbox)': ['notification'],
  'patient–team conversation': ['conversation'],
  appointments: ['appointment'],
  'whole-record export (PDF, FHIR)': ['record'],
};
const WORDS: Record<string, (resource: string) => string[]> = {
  read: (r) => [`${r}.read`],
  'read when signed and not withheld': (r) => [`${r}.read`],
  edit: (r) => [`${r}.edit`],
  create: (r) => [`${r}.create`],
  write: (r) => [`${r}.write`],
  'write own': (r) => [`${r}.write`],
  acknowledge: (r) => (r === 'safetyFlag' ? [`${r}.manage`] : [`${r}.acknowledge`]),
  comment: (r) => [`${r}.comment`],
  'request review': (r) => [`${r}.requestReview`],
  'manage team': () => ['careTeam.manage'],
  'author only': (r) => [`${r}.readOwn`, `${r}.write`],
  'read (organization audit)': (r) => [`${r}.read`, 'auditEvent.read'],
  'status only': (r) => [`${r}.readStatus`],
  raise: (r) => [`${r}.manage`],
  resolve: (r) => [`${r}.manage`],
  'edit with the therapist': (r) => [`${r}.edit`],
  own: (r) => [`${r}.read`],
  'own: read': (r) => [`${r}.read`],
  'ask to cancel/reschedule': (r) => [`${r}.requestChange`],
  schedule: (r) => [`${r}.schedule`],
  change: (r) => [`${r}.schedule`],
  'read (time, people, kind)': (r) => [`${r}.read`],
  export: (r) => [`${r}.export`],
};
// Denials: scope ("not found") is the query's business, not the role's.
const NONE = new Set(['not found', 'forbidden', 'never', 'no', 'no (print the chart)', '—']);
// Column order of the table; "clinician not on team" is a scope rule, not a role.
const COLUMNS: (Role | null)[] = ['PATIENT', 'PRESCRIBER', 'THERAPIST', null, 'ADMIN'];

// Permissions the product states outside the access table, grouped by the roles that hold them:
// each permission maps to the sentence of the product that grants it.
function stated(roles: Role[], sources: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(sources).map(([permission, source]) => [permission, { roles, source }]),
  );
}
const BEYOND_THE_TABLE: Record<string, { roles: Role[]; source: string }> = {
  ...stated(['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'], {
    'patient.list': 'API table: GET /api/v1/patients, all roles',
  }),
  ...stated(['PATIENT'], {
    'careSummary.read': 'Journey 3: a patient reviews their plan, medications, team',
    'reminders.edit':
      'Issue 13: the patient changes the reminder hour or turns each off on My care',
  }),
  ...stated(['ADMIN'], {
    'organization.read': 'An admin manages accounts and care-team assignments',
    'user.manage': 'An admin manages accounts',
    'outbox.read': 'Issue 13: an admin reads the emails at /admin/outbox and retries dead jobs',
  }),

  ...stated(['PRESCRIBER', 'THERAPIST'], {
    'caseload.read': 'Journeys 1 and 2: clinicians open patients from their caseload',
    'treatmentPlan.comment':
      'Journey 3: clinicians on the team reply to the patient’s comments on the plan',
    'medicationChange.readCareTeamNote':
      'A medication change’s note for the care team is never shown to the patient',
    'sessionNote.readWithheld':
      'Session notes: the patient reads them when signed and not withheld; the team reads all',
    'chart.read': 'Journeys 1 and 2: clinicians open a patient’s chart from the caseload',
    'calendarFeed.manage':
      'Issue 14: a private per-clinician iCalendar feed with a revocable token',
  }),
  ...stated(['PATIENT', 'PRESCRIBER', 'THERAPIST'], {
    'timeline.read':
      'Every part of the timeline (changes, notes, check-ins, plan) carries these roles',
    'trends.read': 'Check-ins and assessments over time: read by the patient and the team',
    'appointment.readReasons':
      'Appointments: admins read time, people and kind only, never a cancellation’s or request’s reason',
  }),
};

function expectedTable(): Record<string, Role[]> {
  const table: Record<string, Set<Role>> = {};
  const rows = ACCESS_TABLE.trim().split('\n').slice(2);
  for (const row of rows) {
    const [resource, ...cells] = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const resources = RESOURCES[resource!];
    if (!resources) throw new Error(`Unmapped resource: ${resource}`);
    cells.forEach((cell, column) => {
      const role = COLUMNS[column];
      if (NONE.has(cell)) return;
      if (!role) throw new Error(`"${cell}" for a clinician not on the team`);
      for (const word of cell.split(/[,;] (?![^(]*\))/)) {
        const toPermissions = WORDS[word];
        if (!toPermissions) throw new Error(`Unmapped words: "${word}"`);
        for (const r of resources) {
          for (const permission of toPermissions(r)) (table[permission] ??= new Set()).add(role);
        }
      }
    });
  }
  for (const [permission, { roles }] of Object.entries(BEYOND_THE_TABLE)) {
    for (const role of roles) (table[permission] ??= new Set()).add(role);
  }
  return Object.fromEntries(
    Object.entries(table).map(([p, roles]) => [p, ROLES.filter((r) => roles.has(r))]),
  );
}

function sorted(table: Readonly<Record<string, readonly Role[]>>) {
  return Object.fromEntries(
    Object.keys(table)
      .sort()
      .map((p) => [p, ROLES.filter((r) => table[p]!.includes(r))]),
  );
}

describe('the permission table', () => {
  it('says exactly what the access table (docs/access-rules.md) says', () => {
    expect(sorted(permissionTable)).toEqual(sorted(expectedTable()));
  });

  it.each(
    Object.entries(permissionTable).flatMap(([p, roles]) =>
      ROLES.map((r) => [p, r, roles.includes(r)] as const),
    ),
  )('%s for %s: %s', (permission, role, allowed) => {
    expect(can({ role }, permission as Permission)).toBe(allowed);
  });
});

const ORG = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';
const PATIENT = '33333333-3333-4333-8333-333333333333';

function viewer(role: Role, extra: Partial<Viewer> = {}): Viewer {
  return { userId: USER, organizationId: ORG, role, name: 'N', email: 'n@example.test', ...extra };
}

describe('patientsInScope', () => {
  it.each([
    [
      'a patient: their own record only',
      viewer('PATIENT', { patientId: PATIENT }),
      { id: PATIENT, organizationId: ORG },
    ],
    [
      'a patient account without a record: nothing',
      viewer('PATIENT'),
      { id: '00000000-0000-0000-0000-000000000000', organizationId: ORG },
    ],
    [
      'a prescriber: their active care teams',
      viewer('PRESCRIBER'),
      { organizationId: ORG, careTeam: { some: { clinicianId: USER, endedAt: null } } },
    ],
    [
      'a therapist: their active care teams',
      viewer('THERAPIST'),
      { organizationId: ORG, careTeam: { some: { clinicianId: USER, endedAt: null } } },
    ],
    ['an admin: the organization', viewer('ADMIN'), { organizationId: ORG }],
  ] as const)('%s', (_, who, where) => {
    expect(patientsInScope(who)).toEqual(where);
  });

  it('always pins the organization', () => {
    for (const role of ROLES)
      expect(patientsInScope(viewer(role))).toHaveProperty('organizationId', ORG);
  });
});

describe('isAuthor and audienceOf', () => {
  it('names the author of a record only', () => {
    expect(isAuthor(viewer('THERAPIST'), USER)).toBe(true);
    expect(isAuthor(viewer('THERAPIST'), PATIENT)).toBe(false);
  });

  it.each([
    ['PATIENT', 'patient'],
    ['PRESCRIBER', 'careTeam'],
    ['THERAPIST', 'careTeam'],
    ['ADMIN', 'careTeam'],
  ] as const)('%s reads the words of the %s', (role, audience) => {
    expect(audienceOf(viewer(role))).toBe(audience);
  });
});
