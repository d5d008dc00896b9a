import { LoadingPanel } from '@/components/ui/loading-panel';

export default function MyCareLoading() {
  return <LoadingPanel label="Loading your care summary…" rows={6} />;
}
