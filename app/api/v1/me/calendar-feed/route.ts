import { handlersFor } from '@/lib/api/registry';

export const { GET, POST, DELETE } = handlersFor('/api/v1/me/calendar-feed');
