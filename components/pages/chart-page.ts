import { requireRole } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/viewer';

/** The props Next passes a page of the patient chart (app/(app)/patients/[patientId]/). */
export interface ChartPageProps {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The opening of every chart page: a clinician viewer (any other role gets not-found) and the
 * chart's patient id. Scope is not checked here: each read the page makes is scoped in its query
 * and answers null out of scope, which the page turns into not-found (lib/page-errors.ts).
 */
export async function openChart(
  params: ChartPageProps['params'],
  roles: readonly Role[] = ['PRESCRIBER', 'THERAPIST'],
) {
  const viewer = await requireRole(...roles);
  const { patientId } = await params;
  return { viewer, patientId };
}
