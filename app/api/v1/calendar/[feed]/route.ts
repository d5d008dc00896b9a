import { handlersFor } from '@/lib/api/registry';

// The segment is `<secret>.ics` (a dynamic segment cannot carry a suffix): the path schema checks it.
export const { GET } = handlersFor('/api/v1/calendar/{feed}');
