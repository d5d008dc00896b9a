import { handlersFor } from '@/lib/api/registry';

export const { GET, POST } = handlersFor('/api/v1/appointments');
