// The scale dataset's shape (npm run db:scale): sizes from the environment, and the arithmetic
// that places every row, so the SQL builders, the loader's facts and the test agree on who is who.
// Everything is a function of a row's number: the same sizes and anchor give the same dataset.

export type ScaleSizes = {
  patients: number;
  /** Clinicians and admins: a few admins, a third of the rest prescribers, the others therapists. */
  clinicians: number;
  /** Patients of the first prescriber (the benchmark's large caseload). */
  caseload: number;
  medicationChanges: number;
  checkIns: number;
  sessionNotes: number;
  assessments: number;
  /** Appointments of the large-caseload prescriber. */
  appointments: number;
  auditEvents: number;
};

export type Layout = ScaleSizes & {
  admins: number;
  prescribers: number;
  therapists: number;
  /** Medications per patient (each a chain of changes). */
  medications: number;
  /** The day the history ends (YYYY-MM-DD, UTC midnight): today unless SCALE_ANCHOR says. */
  anchor: string;
};

const DEFAULTS: ScaleSizes = {
  patients: 10_000,
  clinicians: 200,
  caseload: 500,
  medicationChanges: 1_000_000,
  checkIns: 500_000,
  sessionNotes: 200_000,
  assessments: 80_000,
  appointments: 600,
  auditEvents: 5_000_000,
};

const ENV_NAMES: Record<keyof ScaleSizes, string> = {
  patients: 'SCALE_PATIENTS',
  clinicians: 'SCALE_CLINICIANS',
  caseload: 'SCALE_CASELOAD',
  medicationChanges: 'SCALE_MEDICATION_CHANGES',
  checkIns: 'SCALE_CHECK_INS',
  sessionNotes: 'SCALE_SESSION_NOTES',
  assessments: 'SCALE_ASSESSMENTS',
  appointments: 'SCALE_APPOINTMENTS',
  auditEvents: 'SCALE_AUDIT_EVENTS',
};

/** The sizes, each overridable by its SCALE_* variable (a non-negative integer). */
export function scaleSizes(env: Record<string, string | undefined> = process.env): ScaleSizes {
  const sizes = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof ScaleSizes)[]) {
    const raw = env[ENV_NAMES[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`${ENV_NAMES[key]} must be a non-negative integer (got "${raw}").`);
    }
    sizes[key] = value;
  }
  return sizes;
}

export function layoutFor(sizes: ScaleSizes, anchor = defaultAnchor()): Layout {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new Error(`SCALE_ANCHOR must be YYYY-MM-DD.`);
  if (sizes.clinicians < 4) throw new Error('SCALE_CLINICIANS must be at least 4.');
  if (sizes.patients < 1 || sizes.caseload < 1 || sizes.caseload > sizes.patients) {
    throw new Error('SCALE_CASELOAD must be between 1 and SCALE_PATIENTS.');
  }
  const admins = Math.max(1, Math.round(sizes.clinicians * 0.02));
  const prescribers = Math.max(2, Math.round((sizes.clinicians - admins) / 3));
  return {
    ...sizes,
    admins,
    prescribers,
    therapists: sizes.clinicians - admins - prescribers,
    medications: 4,
    anchor,
  };
}

function defaultAnchor(): string {
  return process.env.SCALE_ANCHOR?.trim() || new Date().toISOString().slice(0, 10);
}

// Emails are stable, so a benchmark can name its accounts without a query.
export const SCALE_DOMAIN = 'scale.test';
export const prescriberEmail = (q: number) => `prescriber.${q}@${SCALE_DOMAIN}`;
export const therapistEmail = (t: number) => `therapist.${t}@${SCALE_DOMAIN}`;
export const adminEmail = (a: number) => `admin.${a}@${SCALE_DOMAIN}`;
export const patientEmail = (i: number) => `patient.${i}@${SCALE_DOMAIN}`;

/** The prescriber (index within prescribers) of patient `i`: the first one has the caseload. */
export function prescriberOf(layout: Layout, i: number): number {
  return i < layout.caseload ? 0 : 1 + ((i - layout.caseload) % (layout.prescribers - 1));
}

/** The therapist (index within therapists) of patient `i`. */
export function therapistOf(layout: Layout, i: number): number {
  return i % layout.therapists;
}
