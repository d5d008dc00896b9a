// The Stanley–Brown safety plan: its seven sections as the PUT body and the stored content of a
// version (SafetyPlanVersion.content), and the answers of the safety-plan API. The care team and
// the crisis lines are never stored: every read adds them, so nobody can remove 988.
import { z } from 'zod';
import { ROLES } from '@/lib/schemas/enums';
import {
  IsoDateTime,
  Limit,
  Page,
  Person,
  SentBack,
  freeText,
  readOnly,
  singleLine,
} from '@/lib/schemas/common';
import { Phone } from '@/lib/schemas/contact';
import { MAX_SAFETY_PLAN_ITEMS } from '@/lib/schemas/safety-plan-values';
export { MAX_SAFETY_PLAN_ITEMS };

const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_SAFETY_PLAN_ITEMS);
const line = singleLine(300);
const name = singleLine(200);

export const DistractionInput = z.strictObject({
  name,
  phone: Phone.nullable().optional(),
  place: singleLine(200).nullable().optional(),
});
export const HelperInput = z.strictObject({ name, phone: Phone });
export const ProfessionalInput = z.strictObject({
  name,
  phone: Phone,
  role: singleLine(200).nullable().optional(),
});

const sections = {
  /** 1. Thoughts, images, moods, situations or behaviours that a crisis may be developing. */
  warningSigns: list(line),
  /** 2. Things to do alone to take the mind off problems (internal coping strategies). */
  copingStrategies: list(line),
  /** 3. People and social settings that provide distraction. */
  distractions: list(DistractionInput),
  /** 4. People to ask for help. */
  helpers: list(HelperInput),
  /** 5. Professionals or agencies to contact in a crisis (the care team and 988 are added). */
  professionals: list(ProfessionalInput),
  /** 6. Making the environment safe. */
  environmentSafety: list(line),
  /** 7. The reasons for living: the one thing most important to me. */
  reasonsForLiving: list(line),
};

export const SAFETY_PLAN_SECTIONS = Object.keys(sections) as (keyof typeof sections)[];
export type SafetyPlanSection = keyof typeof sections;

const changeNote = freeText(500).transform((s) => s.trim() || null);

/** The stored content of a version: the seven sections and the note on what changed. */
export const SafetyPlanContent = z.strictObject({
  ...sections,
  changeNote: changeNote.nullable().optional(),
});

/** The content as stored: absent optional members written as null. */
function normalize(plan: z.output<typeof SafetyPlanContent>) {
  return {
    ...plan,
    distractions: plan.distractions.map((d) => ({
      name: d.name,
      phone: d.phone ?? null,
      place: d.place ?? null,
    })),
    professionals: plan.professionals.map((p) => ({
      name: p.name,
      phone: p.phone,
      role: p.role ?? null,
    })),
    changeNote: plan.changeNote ?? null,
  };
}
export type SafetyPlanContent = ReturnType<typeof normalize>;

/** A version's stored content, read back through the schema that wrote it. */
export function storedContent(value: unknown): SafetyPlanContent {
  return normalize(SafetyPlanContent.parse(value));
}

/**
 * PUT /api/v1/patients/{patientId}/safety-plan: the whole plan (every section; nothing is carried
 * over). The `plan` a GET answered may be sent back with changes: `version`, `createdAt` and
 * `author` are ignored.
 */
export const SafetyPlanInput = z
  .strictObject({
    ...sections,
    changeNote: changeNote.nullable().optional(),
    version: SentBack,
    createdAt: SentBack,
    author: SentBack,
  })
  .transform(({ version: _v, createdAt: _c, author: _a, ...plan }) => normalize(plan));
export type SafetyPlanInput = z.input<typeof SafetyPlanInput>;

/** GET .../safety-plan/versions: newest first; `cursor` is the last version number seen. */
export const SafetyPlanVersionListQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, { message: 'Not a cursor this API gave out.' })
    .optional(),
  limit: Limit,
});

// ----------------------------------------------------------------------------------------------
// Answers

const Author = Person(ROLES);

/** One saved version: who wrote it, when, and its seven sections. */
export const SafetyPlanVersion = z.object({
  version: readOnly(z.int()),
  createdAt: readOnly(IsoDateTime),
  author: readOnly(Author),
  changeNote: z.string().nullable(),
  warningSigns: z.array(z.string()),
  copingStrategies: z.array(z.string()),
  distractions: z.array(
    z.object({ name: z.string(), phone: z.string().nullable(), place: z.string().nullable() }),
  ),
  helpers: z.array(z.object({ name: z.string(), phone: z.string() })),
  professionals: z.array(
    z.object({ name: z.string(), phone: z.string(), role: z.string().nullable() }),
  ),
  environmentSafety: z.array(z.string()),
  reasonsForLiving: z.array(z.string()),
});
export type SafetyPlanVersion = z.infer<typeof SafetyPlanVersion>;

export const CrisisLine = z.object({
  name: z.string(),
  phone: z.string(),
  detail: z.string(),
  /** Also reachable by text message at this number. */
  text: z.string().nullable(),
});
export type CrisisLine = z.infer<typeof CrisisLine>;

/** Always on every safety plan, whatever was written: they cannot be removed. */
export const CRISIS_LINES: readonly CrisisLine[] = [
  {
    name: '988 Suicide & Crisis Lifeline',
    phone: '988',
    detail: 'Call or text 988, any time, day or night. Free and confidential.',
    text: '988',
  },
  {
    name: 'Emergency services',
    phone: '911',
    detail: 'If you are in danger right now, call 911.',
    text: null,
  },
];

/**
 * GET .../safety-plan: the current version (null before the first, at version 0: the ETag is then
 * "0"), the active care team and the crisis lines, which every reader sees whatever was written.
 */
export const SafetyPlanView = z.object({
  version: z.int(),
  plan: SafetyPlanVersion.nullable(),
  careTeam: z.array(Author),
  crisisLines: z.array(CrisisLine),
});
export type SafetyPlanView = z.infer<typeof SafetyPlanView>;

export const SafetyPlanVersionSummary = z.object({
  version: z.int(),
  createdAt: IsoDateTime,
  author: Author,
  changeNote: z.string().nullable(),
});
export const SafetyPlanVersionList = Page(SafetyPlanVersionSummary);
export type SafetyPlanVersionList = z.infer<typeof SafetyPlanVersionList>;
