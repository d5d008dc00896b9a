import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/session';

// SECURITY: the role check sits in the layout, above the page's loading boundary, so a wrong role
// gets a true 404 status before any streaming starts. The page and lib/data check again.
export default async function TodayLayout({ children }: { children: ReactNode }) {
  await requireRole('PRESCRIBER', 'THERAPIST');
  return children;
}
