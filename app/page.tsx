import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/session';
import { homePathFor } from '@/lib/auth/viewer';

export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? homePathFor(viewer.role) : '/sign-in');
}
