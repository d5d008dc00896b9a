import { describe, expect, it } from 'vitest';
import {
  currentHref,
  navItemsFor,
  PATIENT_MORE,
  PATIENT_TABS,
} from '@/components/layout/nav-items';

describe('currentHref', () => {
  const hrefs = ['/my-care', '/my-care/plan', '/my-care/who-viewed', '/inbox'];
  it.each([
    ['/my-care', '/my-care'],
    ['/my-care/plan', '/my-care/plan'],
    ['/my-care/who-viewed', '/my-care/who-viewed'],
    ['/my-care/assessments/phq-9', '/my-care'],
    ['/my-careful', undefined],
    ['/inbox', '/inbox'],
    ['/caseload', undefined],
  ])('%s → %s', (pathname, current) => {
    expect(currentHref(hrefs, pathname)).toBe(current);
  });
});

describe('the patient’s phone navigation', () => {
  it('reaches every section of the header, each once', () => {
    const phone = [...PATIENT_TABS, ...PATIENT_MORE].map((i) => i.href);
    expect(new Set(phone).size).toBe(phone.length);
    for (const item of navItemsFor('PATIENT')) expect(phone).toContain(item.href);
  });

  it('keeps four tabs beside More, so each is wide enough to tap on a 375 px screen', () => {
    expect(PATIENT_TABS).toHaveLength(4);
  });
});
