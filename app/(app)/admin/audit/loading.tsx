import { LoadingPanel } from '@/components/ui/loading-panel';

export default function AuditLogLoading() {
  return <LoadingPanel label="Loading the audit log…" rows={8} />;
}
