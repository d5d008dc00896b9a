import { handlersFor } from '@/lib/api/registry';

// A long-lived event stream: Node's runtime (the LISTEN connection), never cached or prerendered.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const { GET } = handlersFor('/api/v1/notifications/stream');
