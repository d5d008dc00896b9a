import { LoadingPanel } from '@/components/ui/loading-panel';

export default function CaseloadLoading() {
  return <LoadingPanel label="Loading your caseload…" rows={6} />;
}
