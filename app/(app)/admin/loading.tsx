import { LoadingPanel } from '@/components/ui/loading-panel';

export default function AdminLoading() {
  return <LoadingPanel label="Loading users and care teams…" rows={6} />;
}
