// Visits the appointment specs book for themselves through the API (the demo's own week of visits
// may or may not be there): a free slot of the clinician, tried hour by hour.
import { expect, type Page } from '@playwright/test';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Books a 50-minute video therapy visit for `patientId` with the clinician signed in on
 * `clinician`, on the first free hour from `daysAhead` days ahead at 15:00 UTC; its id.
 */
export async function bookVisit(
  clinician: Page,
  patientId: string,
  clinicianId: string,
  daysAhead: number,
): Promise<string> {
  const day = new Date(Date.now() + daysAhead * DAY);
  day.setUTCHours(15, 0, 0, 0);
  for (let attempt = 0; attempt < 24; attempt += 1) {
    const response = await clinician.request.post('/api/v1/appointments', {
      data: {
        patientId,
        clinicianId,
        startsAt: new Date(day.getTime() + attempt * HOUR).toISOString(),
        durationMinutes: 50,
        kind: 'THERAPY',
        modality: 'VIDEO',
        videoUrl: 'https://meet.riverbend.test/okafor',
      },
    });
    if (response.status() === 409) continue;
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }
  throw new Error('No free hour for a visit');
}

/** The signed-in user's own id (GET /api/v1/me). */
export async function ownId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/me');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}
