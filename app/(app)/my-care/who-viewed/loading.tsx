import { LoadingPanel } from '@/components/ui/loading-panel';

export default function WhoViewedLoading() {
  return <LoadingPanel label="Loading who viewed your record…" rows={6} />;
}
