import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AccessLogQuery } from '@/lib/schemas/access-log';
import {
  AddCareTeamMemberInput,
  CareTeamMembershipParams,
  CreateAccountInput,
  SetPasswordInput,
  UserListQuery,
  UserParams,
} from '@/lib/schemas/admin';
import { AuditEventQuery } from '@/lib/schemas/audit-events';
import { PatientListQuery, PatientParams } from '@/lib/schemas/patients';

const ID = '6f1c2b9e-2d4a-4c3b-9a8e-1f2e3d4c5b6a';
const TOKEN = 'A'.repeat(43);

type Case = {
  name: string;
  schema: z.ZodType;
  valid: Record<string, unknown>;
  /** Fields that may be left out. */
  optional: string[];
  /** Free-form text fields that legitimately accept markup and direction marks (passwords). */
  anyText?: string[];
};

// Every request schema of the v1 API, with one valid input each.
const cases: Case[] = [
  {
    name: 'PatientListQuery',
    schema: PatientListQuery,
    valid: { q: 'rob', cursor: ID, limit: '10' },
    optional: ['q', 'cursor', 'limit'],
  },
  {
    name: 'AccessLogQuery',
    schema: AccessLogQuery,
    valid: { cursor: ID, limit: '5' },
    optional: ['cursor', 'limit'],
  },
  {
    name: 'AuditEventQuery',
    schema: AuditEventQuery,
    valid: {
      patientId: ID,
      actorId: ID,
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00+01:00',
      cursor: ID,
      limit: '100',
    },
    optional: ['patientId', 'actorId', 'from', 'to', 'cursor', 'limit'],
  },
  {
    name: 'UserListQuery',
    schema: UserListQuery,
    valid: { role: 'THERAPIST', q: 'park', cursor: ID, limit: '1' },
    optional: ['role', 'q', 'cursor', 'limit'],
  },
  {
    name: 'CreateAccountInput',
    schema: CreateAccountInput,
    valid: {
      role: 'PATIENT',
      name: 'Robin Ellis',
      email: 'robin@example.test',
      dateOfBirth: '1990-05-17',
      pronouns: 'they/them',
      initialPassword: 'a long enough passphrase',
    },
    optional: ['pronouns', 'initialPassword'],
    anyText: ['initialPassword'],
  },
  {
    name: 'AddCareTeamMemberInput',
    schema: AddCareTeamMemberInput,
    valid: { clinicianId: ID },
    optional: [],
  },
  {
    name: 'SetPasswordInput',
    schema: SetPasswordInput,
    valid: { token: TOKEN, password: 'a long enough passphrase' },
    optional: [],
    anyText: ['password'],
  },
  { name: 'PatientParams', schema: PatientParams, valid: { patientId: ID }, optional: [] },
  { name: 'UserParams', schema: UserParams, valid: { userId: ID }, optional: [] },
  {
    name: 'CareTeamMembershipParams',
    schema: CareTeamMembershipParams,
    valid: { patientId: ID, membershipId: ID },
    optional: [],
  },
];

const WRONG_TYPES: unknown[] = [12345, true, null, {}, [], { $gt: '' }];
const ODD_TEXT: Record<string, string> = {
  '100 kB': 'a'.repeat(100_000),
  'a lone surrogate': 'Robin \uD800 Ellis',
  'a NUL': 'Robin\u0000Ellis',
};
const SUSPECT_TEXT: Record<string, string> = {
  'an RTL override': 'Robin \u202Etxt.exe',
  'a script tag': '<script>alert(1)</script>',
};

function pathsOf(result: { success: boolean; error?: z.ZodError }): string[] {
  const paths = (result.error?.issues ?? []).flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => [...issue.path, k].join('.'))
      : [issue.path.join('.')],
  );
  return [...new Set(paths)];
}

describe.each(cases)('$name', ({ schema, valid, optional, anyText = [] }) => {
  it('accepts its valid example', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it('refuses an unknown field, naming it', () => {
    const result = schema.safeParse({ ...valid, isAdmin: true });
    expect(result.success).toBe(false);
    expect(pathsOf(result)).toContain('isAdmin');
  });

  it('refuses a __proto__ field', () => {
    const result = schema.safeParse(JSON.parse(`{"__proto__": {"role": "ADMIN"}, "x": 1}`));
    expect(result.success).toBe(false);
  });

  it.each(['a string', 42, null, [], true])('refuses a body that is not an object: %j', (body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });

  const fields = Object.keys(valid);
  const required = fields.filter((f) => !optional.includes(f));
  if (required.length) {
    it.each(required)('refuses a missing %s, naming it', (field) => {
      const { [field]: _, ...rest } = valid;
      const result = schema.safeParse(rest);
      expect(result.success).toBe(false);
      expect(pathsOf(result)).toContain(field);
    });
  }

  it.each(fields.flatMap((f) => WRONG_TYPES.map((v) => [f, v] as const)))(
    'refuses %s = %j, naming it',
    (field, value) => {
      const result = schema.safeParse({ ...valid, [field]: value });
      expect(result.success).toBe(false);
      expect(pathsOf(result)).toContain(field);
    },
  );

  it.each(fields.flatMap((f) => Object.keys(ODD_TEXT).map((k) => [f, k] as const)))(
    'refuses %s with %s, naming it',
    (field, kind) => {
      const result = schema.safeParse({ ...valid, [field]: ODD_TEXT[kind] });
      expect(result.success).toBe(false);
      expect(pathsOf(result)).toContain(field);
    },
  );

  const plain = fields.filter((f) => !anyText.includes(f));
  it.each(plain.flatMap((f) => Object.keys(SUSPECT_TEXT).map((k) => [f, k] as const)))(
    'refuses %s with %s, naming it',
    (field, kind) => {
      const result = schema.safeParse({ ...valid, [field]: SUSPECT_TEXT[kind] });
      expect(result.success).toBe(false);
      expect(pathsOf(result)).toContain(field);
    },
  );
});

describe('specific rules', () => {
  it.each(['0', '101', '1.5', 'ten', '-1', '0x10', '1e2', ' 5', 0, 101, 2.5])(
    'limit %j is refused',
    (limit) => {
      expect(PatientListQuery.safeParse({ limit }).success).toBe(false);
    },
  );

  it('limit defaults to 25 and reads digits or a number', () => {
    expect(PatientListQuery.parse({})).toEqual({ limit: 25 });
    expect(PatientListQuery.parse({ limit: '100' })).toEqual({ limit: 100 });
    expect(PatientListQuery.parse({ limit: 7 })).toEqual({ limit: 7 });
  });

  it('a patient account needs a date of birth; a clinician account has none', () => {
    const base = { name: 'Robin Ellis', email: 'robin@example.test' };
    expect(pathsOf(CreateAccountInput.safeParse({ ...base, role: 'PATIENT' }))).toEqual([
      'dateOfBirth',
    ]);
    expect(
      pathsOf(
        CreateAccountInput.safeParse({ ...base, role: 'THERAPIST', dateOfBirth: '1990-01-01' }),
      ),
    ).toEqual(['dateOfBirth']);
    expect(CreateAccountInput.safeParse({ ...base, role: 'THERAPIST' }).success).toBe(true);
  });

  it('admins cannot create admin accounts through the API', () => {
    const input = { role: 'ADMIN', name: 'Robin Ellis', email: 'robin@example.test' };
    expect(pathsOf(CreateAccountInput.safeParse(input))).toEqual(['role']);
  });

  it.each(['short', 'elevenchars'])('a password under 12 characters is refused: %s', (password) => {
    expect(pathsOf(SetPasswordInput.safeParse({ token: TOKEN, password }))).toEqual(['password']);
  });

  it.each(['2999-01-01', '1899-12-31', '1990-02-30', '17/05/1990'])(
    'an impossible date of birth is refused: %s',
    (dateOfBirth) => {
      const input = { role: 'PATIENT', name: 'Robin Ellis', email: 'r@example.test', dateOfBirth };
      expect(pathsOf(CreateAccountInput.safeParse(input))).toEqual(['dateOfBirth']);
    },
  );

  it('an audit window must not end before it starts', () => {
    const query = { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
    expect(pathsOf(AuditEventQuery.safeParse(query))).toEqual(['to']);
  });

  it('names are trimmed', () => {
    const input = { role: 'THERAPIST', name: '  Robin Ellis ', email: 'r@example.test' };
    expect(CreateAccountInput.parse(input).name).toBe('Robin Ellis');
  });
});
