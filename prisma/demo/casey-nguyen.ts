// Casey Nguyen (Riverbend; Dr. Chen and Sam Okafor): recurrent depression with hypersomnia.
// Bupropion XL 150 → 300 mg; one passive-ideation safety flag, reviewed the same day; a dip
// around a bereavement anniversary, then no check-ins for over two weeks and an overdue review.
import type { DapBody, SoapBody } from './build';
import { on } from './check-ins';
import { trend } from './context';
import { fortnightly, therapyNotes, visitNotes, type DemoStory } from './story';

const PHQ9 = fortnightly(-80, '222312210 222212111 221211210 121211110 221211110');

const GAD7 = fortnightly(-80, '1121121 1121121 1121111 1111111 1121111');

const THERAPY: [number, DapBody][] = [
  [
    -78,
    {
      data: 'Intake. Third depressive episode, this one since late winter. Sleeping 10–11 h yet exhausted; stopped her pottery class and most contact with friends; working from bed some days. PHQ-9 15, GAD-7 9. Denies suicidal ideation today; passive thoughts during the 2019 episode, never acted on. Lives alone; close to her brother.',
      assessment:
        'Recurrent major depressive disorder, moderate, with marked low energy and withdrawal. Low current risk; history of passive ideation noted.',
      plan: 'Weekly behavioral activation. Activity and mood monitoring. Collaborative safety plan next session.',
    },
  ],
  [
    -71,
    {
      data: "Monitoring completed 4 of 7 days. Mood lowest late morning, best after a short walk with her brother's dog. Safety plan drafted: warning signs, coping steps, brother and 988 as contacts.",
      assessment: 'She can see the link between activity and mood. Safety plan in place.',
      plan: 'Schedule two small valued activities a day (15 minutes each). Keep the safety plan on her phone.',
    },
  ],
  [
    -65,
    {
      data: 'Seen after yesterday\'s PHQ-9 (item 9: several days). Passive thoughts ("it would be easier not to wake up") on three days last week, during poor sleep and a setback at work. No plan, intent or preparatory behavior; no access to firearms. Protective factors: brother, her cat, a trip planned for June. Used the safety plan once (called her brother).',
      assessment:
        'Passive suicidal ideation, low acute risk; chronic risk modestly raised by recurrence and living alone. Safety plan used effectively.',
      plan: 'Safety plan reviewed and updated; 988 and clinic number confirmed in her phone. Dr. Chen informed. Rescreen every session for the next month.',
    },
  ],
  [
    -57,
    {
      data: 'No passive thoughts this week (rescreened). Activities on 5 of 7 days, including one pottery class. Mornings still hard.',
      assessment: 'Engagement improving; mood still low.',
      plan: 'Keep the activity schedule. Add a morning anchor: a walk before 10 am.',
    },
  ],
  [
    -50,
    {
      data: 'Bupropion increased to 300 mg two days ago; mild headache. Sleeping 8–9 h, which she welcomes. No passive thoughts. Met a friend for coffee.',
      assessment: 'Energy starting to lift.',
      plan: 'Three valued activities a day. Rescreen next session.',
    },
  ],
  [
    -43,
    {
      data: 'Met a work deadline; felt "almost normal" for two days. Activities most days. No passive thoughts (rescreened).',
      assessment: 'Steady improvement.',
      plan: 'Begin cognitive work on self-critical thoughts about the "lost months".',
    },
  ],
  [
    -36,
    {
      data: 'PHQ-9 10, GAD-7 7. Back at pottery weekly. Thought record on "I\'ve wasted this year".',
      assessment: 'Mild-to-moderate symptoms; cognitive work productive.',
      plan: "Continue thought records. Plan ahead for the anniversary of her father's death next month.",
    },
  ],
  [
    -29,
    {
      data: 'Harder week as the anniversary approaches; slept 10 h on two days. Kept about half her activities.',
      assessment: 'Expected dip around a known stressor; skills partly used.',
      plan: 'Plan the anniversary day with her brother. Keep the morning anchor.',
    },
  ],
  [
    -22,
    {
      data: 'Anniversary passed; spent it with her brother. PHQ-9 11 (10 last time). Cancelled pottery twice. Says she is "tired of trying so hard". No suicidal ideation (rescreened).',
      assessment: 'Slight worsening after a stressor; risk low. Engagement wavering.',
      plan: 'Smaller activity targets for two weeks. Next session in one week; check-in reminders on.',
    },
  ],
];

const MEDICATION_VISITS: [number, SoapBody][] = [
  [
    -80,
    {
      subjective:
        'Third depressive episode since late winter: sleeping 10–11 h, exhausted, poor concentration, withdrawn. Sertraline 100 mg in 2019 helped mood but caused sexual side effects; stopped after 8 months. No seizures, no eating disorder, no mania. Rare alcohol.',
      objective:
        'Slowed, flat affect, coherent. PHQ-9 15, GAD-7 9. BP 118/74, weight 58 kg. Denies suicidal ideation.',
      assessment:
        'Major depressive disorder, recurrent, moderate, with hypersomnia and low energy.',
      plan: 'Start bupropion XL 150 mg each morning. Behavioral activation with Sam Okafor. Crisis resources given. Review in 4 weeks.',
    },
  ],
  [
    -52,
    {
      subjective:
        'Energy better in the afternoons; mornings still slow. Passive thoughts two weeks ago, addressed with Sam; none since. Mild dry mouth. Sleeping 9 h.',
      objective: 'More animated. PHQ-9 12, GAD-7 8. BP 122/78. No suicidal ideation today.',
      assessment: 'Partial response to bupropion XL 150 mg; well tolerated.',
      plan: 'Increase to 300 mg each morning; not after noon. Review in 4 weeks.',
    },
  ],
  [
    -24,
    {
      subjective:
        "Better month until this week, the anniversary of her father's death. Sleeping 8–9 h. Mild headaches after the increase, now gone.",
      objective:
        'Tired, reactive affect. PHQ-9 11, GAD-7 8 today. BP 124/78. No suicidal ideation.',
      assessment:
        'Partial response with a dip around a known stressor. Bupropion 300 mg tolerated.',
      plan: 'Continue 300 mg. If PHQ-9 stays above 10 at the next check, consider augmentation. Follow up in 4 weeks.',
    },
  ],
];

const bupropion = {
  medication: 'Bupropion XL',
  unit: 'mg',
  route: 'oral',
  frequency: 'once daily in the morning',
};
const activities = trend([
  [-79, 0.6],
  [-60, 1.6],
  [-45, 2.6],
  [-32, 2.8],
  [-26, 1.6],
  [-17, 1.2],
]);
export const CASEY_NGUYEN: DemoStory = {
  reminders: { checkInHour: 8 },
  contact: {
    by: 'patient',
    at: [-81, 18, 40],
    details: {
      phone: '(312) 555-0129',
      preferredContact: 'PHONE',
      emergencyName: 'Daniel Reyes',
      emergencyRelationship: 'Partner',
      emergencyPhone: '(312) 555-0164',
    },
  },
  medications: {
    prescriber: 'chen',
    changes: [
      {
        ...bupropion,
        action: 'START',
        dose: 150,
        effectiveDate: -80,
        createdAt: [-80, 10, 40],
        reason:
          'Recurrent major depressive disorder with hypersomnia and low energy (PHQ-9 15). Sertraline in 2019 caused sexual side effects; bupropion avoids these and tends to help energy.',
        monitorFor: [
          'Trouble sleeping',
          'Anxiety or jitteriness',
          'Headache',
          'Dry mouth',
          'Blood pressure',
        ],
        reviewBy: -52,
        patientExplanation:
          "Bupropion XL is an antidepressant that often helps energy and usually doesn't cause the sexual side effects you had with sertraline. Take one 150 mg tablet each morning and swallow it whole; taken later in the day it can make sleep harder. Give it 4 weeks before judging it.",
        noteForCareTeam:
          'Bupropion XL 150 mg; hoping it helps energy, which should pair well with behavioral activation. Passive SI in the 2019 episode: please rescreen.',
      },
      {
        ...bupropion,
        action: 'INCREASE',
        dose: 300,
        effectiveDate: -52,
        createdAt: [-52, 11, 15],
        reason:
          'Partial response after four weeks at 150 mg (PHQ-9 15 → 12); energy improving, mornings still slow. BP 122/78. Increasing to 300 mg.',
        monitorFor: ['Trouble sleeping', 'Headache', 'Anxiety', 'Blood pressure'],
        reviewBy: -24,
        patientExplanation:
          "You're partly better, so we're going up to 300 mg each morning. Take it before noon. Headaches or lighter sleep can happen for a week or so.",
        noteForCareTeam:
          'Up to 300 mg. Energy should lift further over 2–4 weeks; a good time to step up activity targets.',
      },
    ],
  },
  plan: [
    {
      author: 'okafor',
      createdAt: [-77, 17, 0],
      presentingConcerns:
        'Third episode of depression since late winter: sleeping 10–11 hours yet exhausted, withdrawn from friends and her pottery class, working from bed some days. PHQ-9 15, GAD-7 9. Passive suicidal thoughts in the 2019 episode; none at intake. Lives alone; close to her brother.',
      patientGoalsOwnWords:
        'I want mornings back. I want to go to pottery again and see people without it feeling like a mountain.',
      reviewBy: -5,
      goals: [
        {
          description: 'Depression in the mild range or better (PHQ-9 below 10).',
          patientWording: 'Feel lighter most days: a mood questionnaire score under 10.',
          measureKind: 'PHQ9',
          measureName: 'PHQ-9',
          direction: 'AT_MOST',
          targetValue: 9,
          targetDate: 10,
        },
        {
          description: 'Do at least two planned activities a day.',
          measureKind: 'PERSONAL',
          measureName: 'Planned activities done',
          measureUnit: 'count',
          direction: 'AT_LEAST',
          targetValue: 2,
          targetDate: -20,
        },
        { description: 'Back at the Saturday pottery class.' },
      ],
      interventions: [
        {
          kind: 'MEDICATION_MANAGEMENT',
          description: 'Bupropion XL; review response, sleep and blood pressure.',
          owner: 'chen',
          frequency: 'Every 4 weeks',
        },
        {
          kind: 'BEHAVIORAL_ACTIVATION',
          description: 'Behavioral activation for low energy and withdrawal.',
          owner: 'okafor',
          frequency: 'Weekly',
        },
        {
          kind: 'SKILLS_PRACTICE',
          description: 'Safety plan: warning signs, coping steps, people and numbers to call.',
          owner: 'okafor',
          frequency: 'Reviewed monthly',
        },
      ],
      acknowledgedAt: [-76, 19, 40],
    },
  ],
  checkIns: {
    from: -79,
    to: -17,
    seed: 31,
    skipRate: 0.25,
    mood: trend([
      [-79, 3.4],
      [-68, 3],
      [-60, 3.8],
      [-40, 5.2],
      [-32, 5.4],
      [-26, 4.2],
      [-17, 4],
    ]),
    sleepHours: trend([
      [-79, 10.2],
      [-60, 9.4],
      [-45, 8.4],
      [-30, 8.6],
      [-26, 9.6],
      [-17, 9.2],
    ]),
    energy: trend([
      [-79, 1.4],
      [-55, 2.2],
      [-40, 3],
      [-26, 2.4],
      [-17, 2.2],
    ]),
    focus: trend([
      [-79, 2],
      [-40, 3],
      [-17, 2.6],
    ]),
    appetite: trend([
      [-79, 2.8],
      [-17, 3],
    ]),
    sideEffects: [
      { name: 'Trouble sleeping', days: on([-78, -77, -75], 'MILD') },
      { name: 'Dry mouth', days: on([-70, -63, -55, -48], 'MILD') },
      { name: 'Headache', days: on([-51, -50, -48], 'MILD') },
    ],
    notes: {
      [-77]: 'Took it at 8 am. Lay awake until midnight, which never happens.',
      [-67]: 'Bad week. Called my brother like the plan says.',
      [-54]: 'Walked the dog before 10 two days in a row.',
      [-40]: 'Pottery class. Made a lopsided bowl and laughed about it.',
      [-27]: "Dad's anniversary coming up. Everything feels heavy.",
      [-17]: 'Slept most of the day.',
    },
    measure: {
      goal: 1,
      value: (offset, random) =>
        Math.max(0, Math.round(activities(offset) + (random() - 0.5) * 1.6)),
    },
  },
  assessments: [
    {
      instrument: 'PHQ9',
      scores: PHQ9,
      at: [9, 5],
      // Two weeks in, item 9 answered 1: Sam called her that afternoon.
      flagResolved: {
        by: 'okafor',
        at: [14, 10],
        outcome: 'CONTACTED_PATIENT',
        note: 'Called Casey at 2 pm. Passive thoughts on the worst mornings, as in 2019; no plan or intent. Her brother is staying the weekend. Safety plan to be written together on Thursday.',
      },
    },
    // Last night, ahead of her father's anniversary: item 9 answered 1. The urgent flag is open,
    // for Dr. Chen and Sam Okafor to see first in their inbox.
    { instrument: 'PHQ9', scores: [[-1, [2, 2, 2, 3, 1, 2, 2, 1, 1]]], at: [21, 40] },
    { instrument: 'GAD7', scores: GAD7, at: [9, 10] },
  ],
  notes: [
    therapyNotes('okafor', THERAPY, { written: [15, 50], signed: [16, 20] }),
    visitNotes('chen', MEDICATION_VISITS, { written: [10, 0], signed: [11, 5] }),
  ],
  psychotherapyNotes: {
    author: 'okafor',
    at: [16, 40],
    notes: [
      [
        -65,
        'Her calm while describing the passive thoughts unsettled me more than the content. Checked my urge to escalate against the actual risk: low. Talked it through in supervision afterwards.',
      ],
    ],
  },
  messages: {
    minute: 15,
    list: [
      [
        -80,
        12,
        'chen',
        'New shared patient: Casey, recurrent depression with hypersomnia. Started bupropion XL 150 mg. Passive SI in the 2019 episode, none now. Referred to you for behavioral activation.',
      ],
      [
        -66,
        15,
        'okafor',
        "Casey's PHQ-9 this morning had item 9 at 1 (several days). I called her: passive thoughts only, no plan or intent; safety plan reviewed. Seeing her tomorrow.",
      ],
      [
        -66,
        17,
        'chen',
        "Thanks, Sam. I'll keep the planned increase at 4 weeks unless you see worsening. Flag me if anything changes.",
      ],
      [
        -52,
        12,
        'chen',
        'Bupropion XL up to 300 mg. Energy should lift over the next few weeks; a good time to push activity targets.',
      ],
      [
        -15,
        16,
        'okafor',
        'Casey cancelled today\'s session by text ("not up to it"). Rebooked for next week.',
      ],
      [
        -8,
        17,
        'okafor',
        "Casey didn't attend today and hasn't checked in for over a week. Left a voicemail and a portal message. Last PHQ-9 was 11.",
      ],
      [
        -7,
        9,
        'chen',
        "I'll ask the front desk to call her today and bring her medication follow-up forward.",
      ],
    ],
  },
};
