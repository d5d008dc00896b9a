// Riley Fox (Northside Health; Dr. Hale alone): a short history in the second organization, so
// the demo shows that nothing crosses tenants. Fluoxetine 10 → 20 mg; PHQ-9 13 → 8.
import type { SoapBody } from './build';
import { on } from './check-ins';
import { trend } from './context';
import { fortnightly, visitNotes, type DemoStory } from './story';

const PHQ9 = fortnightly(-42, '221212210 121211210 111111110');

const GAD7 = fortnightly(-42, '2122111 2112111 1111111');

const VISITS: [number, SoapBody][] = [
  [
    -42,
    {
      subjective:
        'Low mood and tearfulness for three months since a breakup; cut to part-time hours at the bakery. Sleeps 7 h but wakes unrefreshed. Worries about money. No prior treatment. Denies suicidal ideation.',
      objective: 'Tearful at times, good eye contact, coherent. PHQ-9 13, GAD-7 10. BP 110/70.',
      assessment: 'Major depressive disorder, single episode, moderate.',
      plan: 'Start fluoxetine 10 mg each morning; increase to 20 mg in two weeks if tolerated. Referred to the community CBT group. Crisis resources given. Follow up in two weeks.',
    },
  ],
  [
    -28,
    {
      subjective:
        'Mild nausea in week one, gone. Mood a little better; crying less. Started the CBT group.',
      objective: 'Brighter. PHQ-9 11, GAD-7 9. No suicidal ideation.',
      assessment: 'Tolerating fluoxetine 10 mg; early response.',
      plan: 'Increase to 20 mg. Follow up in two weeks.',
    },
  ],
  [
    -14,
    {
      subjective: 'Back to four days a week at work. Sleeping better. No side effects at 20 mg.',
      objective: 'Euthymic, reactive. PHQ-9 8, GAD-7 7. No suicidal ideation.',
      assessment: 'Responding to fluoxetine 20 mg.',
      plan: 'Continue 20 mg. Follow up in four weeks.',
    },
  ],
];

const fluoxetine = {
  medication: 'Fluoxetine',
  unit: 'mg',
  route: 'oral',
  frequency: 'once daily in the morning',
};
export const RILEY_FOX: DemoStory = {
  reminders: { checkInHour: 12, questionnaireReminder: false },
  contact: {
    by: 'patient',
    at: [-43, 21, 0],
    details: {
      phone: '(617) 555-0108',
      preferredContact: 'EMAIL',
      emergencyName: 'Morgan Fox',
      emergencyRelationship: 'Father',
      emergencyPhone: '(617) 555-0151',
    },
  },
  medications: {
    prescriber: 'hale',
    changes: [
      {
        ...fluoxetine,
        action: 'START',
        dose: 10,
        effectiveDate: -42,
        createdAt: [-42, 13, 20],
        reason: 'Moderate depressive episode (PHQ-9 13) after a breakup; no prior treatment.',
        monitorFor: [
          'Nausea',
          'Restlessness',
          'Sleep changes',
          'Worsening mood or thoughts of self-harm',
        ],
        reviewBy: -28,
        patientExplanation:
          "Fluoxetine is an antidepressant. You'll take 10 mg each morning for two weeks, then usually 20 mg. Mild nausea or restlessness early on is common and tends to pass. It takes a few weeks to notice a difference.",
      },
      {
        ...fluoxetine,
        action: 'INCREASE',
        dose: 20,
        effectiveDate: -28,
        createdAt: [-28, 13, 40],
        reason:
          'Tolerated 10 mg for two weeks; early response (PHQ-9 13 → 11). Increasing to 20 mg.',
        monitorFor: ['Nausea', 'Restlessness'],
        reviewBy: -14,
        patientExplanation:
          "You're doing well on the starting dose, so we're moving to 20 mg each morning.",
      },
    ],
  },
  plan: [
    {
      author: 'hale',
      createdAt: [-40, 12, 0],
      presentingConcerns:
        'Three months of low mood and tearfulness after a breakup; reduced to part-time work; unrefreshing sleep; money worries. PHQ-9 13, GAD-7 10. No prior treatment; no suicidal ideation.',
      patientGoalsOwnWords: 'Feel steady again and get back to full hours at the bakery.',
      reviewBy: 30,
      goals: [
        {
          description: 'Depression in the minimal range (PHQ-9 below 5).',
          measureKind: 'PHQ9',
          measureName: 'PHQ-9',
          direction: 'AT_MOST',
          targetValue: 4,
          targetDate: 45,
        },
        { description: 'Back to full hours at work.', targetDate: 30 },
      ],
      interventions: [
        {
          kind: 'MEDICATION_MANAGEMENT',
          description: 'Fluoxetine titration and review.',
          owner: 'hale',
          frequency: 'Every 2–4 weeks',
        },
        {
          kind: 'PSYCHOEDUCATION',
          description: 'Depression and sleep education.',
          owner: 'hale',
          frequency: 'At each visit',
        },
        {
          kind: 'OTHER',
          description: 'Community CBT group (external referral).',
          owner: null,
          frequency: 'Weekly',
        },
      ],
      acknowledgedAt: [-39, 18, 0],
      comments: [
        {
          by: 'patient',
          body: 'Back to full hours from Monday! Could the group move to evenings once I am full time?',
          createdAt: [-1, 19, 30],
        },
      ],
    },
  ],
  checkIns: {
    from: -41,
    to: -1,
    seed: 47,
    skipRate: 0.3,
    mood: trend([
      [-41, 4],
      [-28, 4.8],
      [-1, 6.4],
    ]),
    sleepHours: trend([
      [-41, 7],
      [-1, 7.5],
    ]),
    energy: trend([
      [-41, 2.2],
      [-1, 3.4],
    ]),
    focus: trend([
      [-41, 2.6],
      [-1, 3.4],
    ]),
    appetite: trend([
      [-41, 2.8],
      [-1, 3.4],
    ]),
    sideEffects: [{ name: 'Nausea', days: on([-41, -40, -38], 'MILD') }],
    notes: { [-20]: 'Worked four days this week. Tired but good tired.' },
  },
  assessments: [
    { instrument: 'PHQ9', scores: PHQ9, at: [8, 50] },
    { instrument: 'GAD7', scores: GAD7, at: [8, 55] },
  ],
  notes: [visitNotes('hale', VISITS, { written: [13, 0], signed: [13, 45] })],
  messages: { minute: 0, list: [] },
};
