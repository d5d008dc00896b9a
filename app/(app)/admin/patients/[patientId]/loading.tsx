import { LoadingPanel } from '@/components/ui/loading-panel';

export default function CareTeamLoading() {
  return <LoadingPanel label="Loading the care team…" rows={4} />;
}
