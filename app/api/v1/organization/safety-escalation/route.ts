import { handlersFor } from '@/lib/api/registry';

export const { GET, PUT } = handlersFor('/api/v1/organization/safety-escalation');
