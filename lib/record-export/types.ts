// The record as the exports read it: the DTOs the API already publishes, gathered.
import type { MedicationChange, RegimenItem } from '@/lib/schemas/medications';
import type { PlanVersion } from '@/lib/schemas/treatment-plan';
import type { SessionNote } from '@/lib/schemas/session-notes';
import type { CheckIn } from '@/lib/schemas/check-ins';
import type { CrisisLine, SafetyPlanVersion } from '@/lib/schemas/safety-plan';

export type RecordKind = 'medicationChanges' | 'sessionNotes' | 'checkIns' | 'assessments';

export type RecordExport = {
  generatedAt: string;
  patient: {
    id: string;
    name: string;
    dateOfBirth: string;
    pronouns: string | null;
    organization: string;
  };
  careTeam: { id: string; name: string; role: string }[];
  plan: (PlanVersion & { planId: string }) | null;
  regimen: RegimenItem[];
  medicationChanges: MedicationChange[];
  sessionNotes: SessionNote[];
  checkIns: CheckIn[];
  assessments: {
    id: string;
    instrument: 'PHQ9' | 'GAD7';
    score: number;
    severity: string;
    completedAt: string;
  }[];
  safetyPlan: SafetyPlanVersion | null;
  crisisLines: CrisisLine[];
  /** Whether a list holds only the newest `limits[kind]` of its kind. */
  truncated: Record<RecordKind, boolean>;
  limits: Record<RecordKind, number>;
};
