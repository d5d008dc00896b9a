// The contact and safety-plan schemas, and the safety-plan editor's form: what they accept, what
// they refuse and where the refusal lands.
import { describe, expect, it } from 'vitest';
import { fieldAt, schemaPaths } from '@/components/forms/schema-paths';
import { fieldOf, toForm } from '@/components/safety-plan/safety-plan-form';
import { SafetyPlanForm } from '@/components/safety-plan/safety-plan-schema';
import { ContactInput, Phone, telHref } from '@/lib/schemas/contact';
import { SafetyPlanInput, type SafetyPlanVersion } from '@/lib/schemas/safety-plan';

describe('a phone number', () => {
  it.each(['(312) 555-0142', '+1 312 555 0142', '312-555-0142', '5550142'])('accepts %s', (n) =>
    expect(Phone.safeParse(n).success).toBe(true),
  );
  it.each(['555-014', 'call me', '(((  )))-+', '+1 (312) 555-0142 x 99999', '312.555.0142'])(
    'refuses %s',
    (n) => expect(Phone.safeParse(n).success).toBe(false),
  );
  it('dials the digits and a leading +', () => {
    expect(telHref('+1 (312) 555-0142')).toBe('tel:+13125550142');
  });
});

describe('contact details', () => {
  it('clear what is left out', () => {
    expect(ContactInput.parse({ phone: ' 312 555 0142 ' })).toEqual({
      phone: '312 555 0142',
      preferredContact: null,
      emergencyName: null,
      emergencyRelationship: null,
      emergencyPhone: null,
    });
  });
});

const VERSION: SafetyPlanVersion = {
  version: 3,
  createdAt: '2026-11-01T10:00:00.000Z',
  author: { id: '00000000-0000-4000-8000-000000000001', name: 'Sam Okafor', role: 'THERAPIST' },
  changeNote: 'Older note',
  warningSigns: ['Sleeping past noon'],
  copingStrategies: ['A walk'],
  distractions: [{ name: 'Library', phone: null, place: 'Downtown' }],
  helpers: [{ name: 'Jamie', phone: '(312) 555-0187' }],
  professionals: [{ name: 'Clinic', phone: '(312) 555-0100', role: null }],
  environmentSafety: ['Medication with Jamie'],
  reasonsForLiving: ['Miso the cat'],
};

describe('the safety-plan editor form', () => {
  it('sends back a saved version unchanged, without its old note', () => {
    const { version: _v, createdAt: _c, author: _a, ...content } = VERSION;
    expect(SafetyPlanForm.parse(toForm(VERSION))).toEqual({ ...content, changeNote: null });
    expect(SafetyPlanInput.parse(VERSION)).toEqual(content);
  });

  it('puts an empty line’s error on its field, for the form’s check and the API’s alike', () => {
    const values = toForm(VERSION);
    values.warningSigns.push({ text: '  ' });
    const result = SafetyPlanForm.safeParse(values);
    expect(result.success).toBe(false);
    const path = result.error!.issues[0]!.path.join('.');
    expect(path).toBe('warningSigns.1');
    const paths = schemaPaths(SafetyPlanForm);
    expect(fieldAt(paths, values, fieldOf(path))).toBe('warningSigns.1.text');
    expect(fieldAt(paths, values, fieldOf('helpers.0.phone'))).toBe('helpers.0.phone');
  });
});
