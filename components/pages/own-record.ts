import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';

/**
 * The opening of every My care page: a patient viewer (any other role gets not-found) and the
 * patient id of their own record, which is the only record these pages read.
 */
export async function openOwnRecord() {
  const viewer = await requireRole('PATIENT');
  const patientId = viewer.patientId;
  if (!patientId) notFound();
  return { viewer, patientId };
}
