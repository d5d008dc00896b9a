import { LoadingPanel } from '@/components/ui/loading-panel';

export default function NewAccountLoading() {
  return <LoadingPanel label="Loading…" rows={5} />;
}
