// Alex Morgan (Riverbend; Dr. Rivera and Sam Okafor): first depressive episode with anxious
// distress. Sertraline 25 → 50 → 100 mg; insomnia after the last increase, bridged with
// as-needed trazodone while CBT-I took hold; PHQ-9 17 → 7 over three months, unevenly.
import type { DapBody, SoapBody } from './build';
import { on } from './check-ins';
import { trend } from './context';
import { ALEX_CONVERSATION } from './alex-conversation';
import { ALEX_SAFETY_PLAN } from './alex-safety-plan';
import { fortnightly, therapyNotes, visitNotes, type DemoStory } from './story';

const PHQ9 = fortnightly(
  -90,
  '233222210 223222201 222212210 223212210 122211110 111211110 111111100',
);

const GAD7 = fortnightly(-90, '2222122 2222112 2221112 2222112 1221111 1121111 1111011');

const THERAPY: [number, DapBody, string?][] = [
  [
    -88,
    {
      data: 'Intake. Referred by Dr. Rivera two days after starting sertraline. Four months of low mood, loss of interest, early waking (4–5 am) and rumination about work since promotion to team lead. Stopped running and seeing friends. PHQ-9 17, GAD-7 13. Denies suicidal ideation, past or present; no self-harm history. Alcohol 2–3 drinks a week, no drugs. Lives with partner; supportive sister nearby.',
      assessment:
        'First major depressive episode, moderate, with anxious distress. Perfectionistic beliefs about performance maintain worry and withdrawal. Motivated, good insight. Low risk.',
      plan: 'Weekly CBT. Activity monitoring this week. Draft the treatment plan with Alex and Dr. Rivera. Psychoeducation on the time course of sertraline.',
    },
  ],
  [
    -81,
    {
      data: 'Activity log completed 5 of 7 days. Mood 2–4/10, lowest on workdays. Nausea from sertraline easing. Recurring thought: "If I ask for help, they\'ll see I\'m not up to the job."',
      assessment:
        'Engaged with homework. Withdrawal and reluctance to delegate keep workload and worry high.',
      plan: 'Start behavioral activation: a 10-minute walk daily. Begin thought records on work situations.',
    },
  ],
  [
    -74,
    {
      data: 'Walked on 4 days, 10–15 minutes. Three thought records completed. Sertraline increased to 50 mg last week; mild nausea for three days, now gone. One evening out with a friend, left early.',
      assessment: 'Early gains in activation; mornings still low. Cognitive work is landing.',
      plan: 'Extend walks to 20 minutes. Schedule one social contact. Introduce worry time (15 minutes at 6 pm).',
    },
  ],
  [
    -67,
    {
      data: "Weekend at sister's; enjoyed it more than expected. Worry time used 3 of 7 days. Sleep about 6 h with early waking. PHQ-9 16 at last check.",
      assessment:
        'Modest improvement in mood. Worry postponement partly effective; early waking persists.',
      plan: 'Continue worry time. Cognitive restructuring on "mistakes mean failure". Walks 20 minutes most days.',
    },
  ],
  [
    -60,
    {
      data: 'First morning without dread in weeks. PHQ-9 14, GAD-7 11. Delegated one task at work; anxiety 6/10 before, settled within an hour. Walking most days.',
      assessment:
        'Partial response to combined treatment. Behavioral experiment disconfirmed the predicted consequence of delegating.',
      plan: 'Two more delegation experiments. Continue thought records. Dr. Rivera reviewing the dose next week.',
    },
  ],
  [
    -53,
    {
      data: 'Sertraline increased to 100 mg two days ago. Since then sleep onset 60–90 minutes, about 5 h a night. Mood 4/10, irritable. Walks dropped to 2 days.',
      assessment:
        "Initial insomnia following the dose increase, as Dr. Rivera's note anticipated. Risk of losing activation gains if sleep does not settle.",
      plan: 'Nightly sleep diary. Stimulus control and a fixed wake time of 7:00. Keep walks in the morning for light exposure. Update Dr. Rivera.',
    },
  ],
  [
    -46,
    {
      data: 'Sleep diary: average sleep onset 50 minutes, total sleep 5.1 h. Fixed wake time kept on weekdays, not weekends. PHQ-9 15, driven by sleep and energy items. Mood 4–5/10.',
      assessment:
        'Insomnia persisting at two weeks. Mood gains stalled mainly through sleep and energy; cognitive gains holding.',
      plan: 'Add CBT-I: stimulus control, sleep window 12:00–7:00. Plan updated with a sleep goal. Messaged Dr. Rivera about a short-term sleep aid.',
    },
    'Correction: the sleep diary average sleep onset was 70 minutes, not 50 as recorded above.',
  ],
  [
    -39,
    {
      data: 'Started trazodone 50 mg as needed two days ago; used twice, groggy until mid-morning the first time. Sleep window kept 6 of 7 nights. Sleep onset about 35 minutes.',
      assessment: 'Sleep improving with CBT-I and as-needed trazodone. Mood 5/10.',
      plan: 'Keep the sleep window; widen to 11:30–7:00 if sleep efficiency stays above 85%. Resume daily walks.',
    },
  ],
  [
    -32,
    {
      data: 'Sleeping 6.5–7 h; trazodone used once this week. PHQ-9 11, GAD-7 9. Ran 2 km, the first run since spring. Worry time rarely needed.',
      assessment: 'Clear improvement. Sleep efficiency 88%.',
      plan: 'Widen the sleep window. Shift focus back to perfectionism and self-criticism.',
    },
  ],
  [
    -25,
    {
      data: 'Mood 6/10. Presented at a team meeting: anxiety 7/10 before, 3/10 after. Caught "they\'ll see through me" in the moment and answered it.',
      assessment: 'Using cognitive skills without prompting.',
      plan: 'Core-belief work: continuum technique on competence. Maintain activity and sleep routine.',
    },
  ],
  [
    -18,
    {
      data: 'PHQ-9 9, GAD-7 8. Trazodone stopped this week; sleeping 7 h without it. Saw friends twice. Lower sex drive since the increase; discussed with Dr. Rivera, who will revisit if it persists.',
      assessment: 'Mild residual symptoms. Side effect tolerable for now.',
      plan: 'Continue core-belief work. Check how the side effect affects the relationship.',
    },
  ],
  [
    -11,
    {
      data: 'Running twice a week, walking daily. One hard day after critical feedback from their manager: an evening of rumination, then a thought record. Mood 6–7/10.',
      assessment: 'Setback handled with skills; recovered within a day.',
      plan: 'Begin a relapse-prevention plan: early warning signs and what helped.',
    },
  ],
  [
    // A week before the seed day: the last visit of the weekly series that goes on today
    // (prisma/demo/appointments.ts links it to this note).
    -7,
    {
      data: 'PHQ-9 9, GAD-7 8 at the last check. Drafted relapse-prevention plan: early waking, cancelling plans and skipping runs as warning signs. Asked how long to stay on sertraline.',
      assessment: 'Mild symptoms, improving steadily. Well engaged.',
      plan: 'Finish the relapse-prevention plan next session. Alex to ask Dr. Rivera about treatment duration. Consider sessions every two weeks after next session.',
    },
  ],
];

const MEDICATION_VISITS: [number, SoapBody, string?][] = [
  [
    -90,
    {
      subjective:
        'Referred by primary care. Four months of low mood, loss of interest, early waking, poor concentration and constant worry about work since a promotion. Appetite down, 2 kg weight loss. No prior psychiatric treatment. Denies suicidal or homicidal ideation. No history of mania. Mother treated for depression.',
      objective:
        'Well groomed, mild psychomotor slowing, constricted affect, linear thought process, no psychotic features. PHQ-9 17, GAD-7 13. BP 118/76, weight 64 kg. No interacting medications.',
      assessment:
        'Major depressive disorder, single episode, moderate, with anxious distress. Good candidate for an SSRI alongside CBT.',
      plan: 'Start sertraline 25 mg every morning with food; increase to 50 mg after one week if tolerated. Referred to Sam Okafor for CBT. Discussed side effects, time course and crisis resources (988). Video follow-up in one week.',
    },
  ],
  [
    -83,
    {
      subjective:
        'Mild nausea days 1–5, mostly gone when taken with breakfast. Two headaches. No restlessness. Mood unchanged, as expected this early.',
      objective: 'Video visit. Calm, engaged. No suicidal ideation.',
      assessment: 'Tolerating sertraline 25 mg.',
      plan: 'Increase to 50 mg daily. Review in two weeks with PHQ-9.',
    },
  ],
  [
    -69,
    {
      subjective:
        'Some days noticeably better; mornings still hard. Nausea resolved. Sleeping about 6 h with early waking.',
      objective: 'Brighter affect, more spontaneous speech. PHQ-9 16 and GAD-7 12 last week.',
      assessment:
        'Early partial response at 50 mg, well tolerated. Too early to judge the full effect.',
      plan: 'Continue 50 mg; reassess after four weeks on this dose. Continue weekly CBT.',
    },
  ],
  [
    -55,
    {
      subjective:
        'Improving but "stuck at about halfway". Energy and concentration still low. No side effects now.',
      objective: 'Reactive affect. PHQ-9 14, GAD-7 11 (17 and 13 at baseline). BP 116/74.',
      assessment:
        'Partial response after four weeks at 50 mg; good tolerability supports an increase.',
      plan: 'Increase sertraline to 100 mg every morning. Counselled that sleep may be lighter for 1–2 weeks. Messaged Sam about sleep. Follow up in two weeks.',
    },
    'Alex called to check the timing; confirmed 100 mg is taken in the morning, not at bedtime.',
  ],
  [
    -41,
    {
      subjective:
        "Trouble falling asleep since the increase: 60–90 minutes most nights, about 5 h of sleep. Following Sam's sleep window on weekdays. Mood dipped, irritable, tired at work. No restlessness.",
      objective:
        'Tired-appearing, otherwise appropriate. PHQ-9 15 last week, mainly the sleep and energy items. No suicidal ideation.',
      assessment:
        'Initial insomnia after the dose increase, persisting beyond two weeks; mood response otherwise maintained.',
      plan: 'Continue sertraline 100 mg in the morning. Start trazodone 50 mg at bedtime as needed, short term, alongside CBT-I. Recheck in three weeks; aim to stop trazodone by then.',
    },
  ],
  [
    -20,
    {
      subjective:
        'Sleeping about 7 h; used trazodone once in two weeks. Mood "mostly good". Running again. Lower sex drive since the increase; not distressing, prefers to stay on the current dose.',
      objective: 'Euthymic, full range of affect. PHQ-9 9, GAD-7 8. No suicidal ideation.',
      assessment:
        'Good response to sertraline 100 mg; insomnia resolved. Mild sexual side effect, tolerable.',
      plan: 'Stop trazodone. Continue sertraline 100 mg. Revisit the side effect if it persists or bothers Alex. Follow up in four weeks.',
    },
  ],
];

const PROCESS_NOTES: [number, string][] = [
  [
    -81,
    'Alex apologized three times for "wasting my time". Strong pull in me to reassure; held back and reflected it instead. Hypothesis: worth is earned by performance (father\'s praise tied to grades). Go slowly; shame is close to the surface.',
  ],
  [
    -46,
    'Frustration about sleep came out as anger at themself for "undoing the progress". I felt protective and rushed toward solutions. Next time stay with the disappointment before problem-solving.',
  ],
  [
    -18,
    'First session where Alex laughed at one of their own catastrophic predictions. I was more relaxed too. Check whether moving to fortnightly is their wish or mine.',
  ],
];

const sertraline = { medication: 'Sertraline', unit: 'mg', route: 'oral' };
const trazodone = { medication: 'Trazodone', unit: 'mg', route: 'oral' };
const minutes = trend([
  [-89, 0],
  [-80, 8],
  [-66, 18],
  [-56, 22],
  [-52, 10],
  [-40, 15],
  [-30, 25],
  [-1, 30],
]);

export const ALEX_MORGAN: DemoStory = {
  reminders: { checkInHour: 19 },
  contact: {
    by: 'patient',
    at: [-91, 19, 5],
    details: {
      phone: '(312) 555-0142',
      preferredContact: 'TEXT',
      emergencyName: 'Jamie Morgan',
      emergencyRelationship: 'Sibling',
      emergencyPhone: '(312) 555-0187',
    },
  },
  safetyPlan: ALEX_SAFETY_PLAN,
  conversation: ALEX_CONVERSATION,
  medications: {
    prescriber: 'rivera',
    changes: [
      {
        ...sertraline,
        action: 'START',
        dose: 25,
        frequency: 'once daily in the morning, with food',
        effectiveDate: -90,
        createdAt: [-90, 11, 40],
        reason:
          'Major depressive disorder, single episode, moderate, with anxious distress (PHQ-9 17, GAD-7 13). No prior antidepressant trial. Starting low to limit GI side effects.',
        monitorFor: [
          'Nausea or stomach upset',
          'Headache',
          'Restlessness or agitation',
          'Sleep changes',
          'Worsening mood or thoughts of self-harm',
        ],
        reviewBy: -83,
        patientExplanation:
          "You're starting sertraline, a medicine for depression and anxiety, at a low dose: 25 mg each morning with breakfast. Some people feel a little sick or get headaches in the first week or two; this usually fades. It takes 4 to 6 weeks to feel the full benefit. If you feel very restless, or have any thoughts of harming yourself, contact us straight away or call 988.",
        noteForCareTeam:
          'Sertraline 25 mg every morning; plan 50 mg in one week if tolerated. Sleep already poor (about 5 h, early waking). Please watch for activation in the first two weeks.',
      },
      {
        ...sertraline,
        action: 'INCREASE',
        dose: 50,
        frequency: 'once daily in the morning, with food',
        effectiveDate: -83,
        createdAt: [-83, 16, 5],
        reason:
          'Tolerated 25 mg for one week; mild nausea settling with food. Moving to the starting therapeutic dose as planned.',
        monitorFor: ['Nausea', 'Restlessness', 'Sleep changes'],
        reviewBy: -69,
        patientExplanation:
          'Your body handled the starting dose well, so we are moving to 50 mg each morning, the usual dose where benefits begin. The nausea may come back for a few days; taking it with food helps.',
        noteForCareTeam: 'Up to 50 mg. Nausea mild and improving. No activation.',
      },
      {
        ...sertraline,
        action: 'INCREASE',
        dose: 100,
        frequency: 'once daily in the morning, with food',
        effectiveDate: -55,
        createdAt: [-55, 10, 50],
        reason:
          'Partial response after four weeks at 50 mg (PHQ-9 17 → 14, GAD-7 13 → 11); well tolerated. Increasing to 100 mg.',
        monitorFor: ['Sleep disruption', 'Nausea', 'Restlessness', 'Sexual side effects'],
        reviewBy: -41,
        patientExplanation:
          "You've improved, but not as much as we'd like, and you've had few side effects, so we're raising sertraline to 100 mg each morning. Sleep can be lighter for a week or two after an increase. Keep taking it in the morning, not at night, and note your sleep in your check-ins.",
        noteForCareTeam:
          "Increased to 100 mg. Sleep may be disrupted for 1–2 weeks. Sam, worth reviewing the sleep routine; if insomnia lasts past two weeks I'll consider a short-term sleep aid.",
      },
      {
        ...trazodone,
        action: 'START',
        dose: 50,
        frequency: 'twice daily',
        effectiveDate: -41,
        createdAt: [-41, 15, 10],
        reason: 'Initial insomnia since the sertraline increase.',
        monitorFor: ['Morning grogginess'],
      },
      {
        action: 'ENTERED_IN_ERROR',
        corrects: 3,
        effectiveDate: -41,
        createdAt: [-41, 15, 18],
        reason: 'Wrong schedule entered (twice daily). Intended at bedtime as needed; re-entered.',
      },
      {
        ...trazodone,
        action: 'START',
        dose: 50,
        frequency: 'at bedtime as needed for sleep',
        effectiveDate: -41,
        createdAt: [-41, 15, 20],
        reason:
          'Initial insomnia for two weeks after the sertraline increase (sleep onset over 60 minutes, about 5 h a night) despite stimulus control. Short-term bridge while CBT-I takes hold.',
        monitorFor: [
          'Morning grogginess',
          'Dizziness on standing',
          'Next-day sleepiness when driving',
        ],
        reviewBy: -27,
        patientExplanation:
          "Trazodone is a mild sleep medicine. Take 50 mg at bedtime only on nights you need it, and not with alcohol. It can leave you groggy the next morning at first, so don't drive until you know how it affects you. It's a short-term help while your sleep routine settles; we plan to stop it within a month.",
        noteForCareTeam:
          "Trazodone 50 mg at bedtime as needed, short course. Please keep the CBT-I work going; I'd like to stop this by the next visit.",
      },
      {
        ...trazodone,
        action: 'STOP',
        effectiveDate: -20,
        createdAt: [-20, 11, 25],
        reason:
          'Used once in the past two weeks; sleeping about 7 h with the CBT-I routine. No longer needed.',
        patientExplanation:
          "You've only needed trazodone once in two weeks and you're sleeping about 7 hours again, so you can stop it. No tapering is needed at this dose. Keep the sleep routine going.",
        noteForCareTeam: 'Trazodone stopped. Sertraline 100 mg continues.',
      },
    ],
  },
  plan: [
    {
      author: 'okafor',
      createdAt: [-87, 16, 30],
      presentingConcerns:
        'Four months of low mood, loss of interest, early-morning waking and persistent worry about work performance, beginning after a promotion to team lead. Withdrawn from friends; stopped running. PHQ-9 17, GAD-7 13 at intake. No history of self-harm; no substance misuse. First episode, no prior treatment.',
      patientGoalsOwnWords:
        'I want to stop dreading mornings, get back to running and seeing my friends, and not lie awake replaying every meeting.',
      reviewBy: -31,
      goals: [
        {
          description: 'Depressive symptoms in the minimal range (PHQ-9 below 5).',
          patientWording: 'Low moods only now and then: a mood questionnaire score under 5.',
          measureKind: 'PHQ9',
          measureName: 'PHQ-9',
          direction: 'AT_MOST',
          targetValue: 4,
          targetDate: 30,
        },
        {
          description: 'Worry manageable day to day (GAD-7 below 10).',
          patientWording: 'Worry you can manage day to day: a worry questionnaire score under 10.',
          measureKind: 'GAD7',
          measureName: 'GAD-7',
          direction: 'AT_MOST',
          targetValue: 9,
          targetDate: -20,
        },
        {
          description: 'Walk outside for at least 20 minutes most days.',
          measureKind: 'PERSONAL',
          measureName: 'Minutes walking outside',
          measureUnit: 'minutes',
          direction: 'AT_LEAST',
          targetValue: 20,
          targetDate: -30,
        },
        {
          description: 'Reconnect with friends: one social plan a week.',
          patientWording: 'See or call a friend at least once a week.',
        },
      ],
      interventions: [
        {
          kind: 'MEDICATION_MANAGEMENT',
          description: 'Sertraline titration; review response and side effects.',
          owner: 'rivera',
          frequency: 'Every 2–4 weeks during titration',
        },
        {
          kind: 'CBT',
          description: 'CBT for depression and worry: thought records, worry time, restructuring.',
          owner: 'okafor',
          frequency: 'Weekly, 50 minutes',
        },
        {
          kind: 'BEHAVIORAL_ACTIVATION',
          description: 'Activity scheduling, starting with short daily walks.',
          owner: 'okafor',
          frequency: 'Daily, reviewed weekly',
        },
      ],
      acknowledgedAt: [-86, 20, 15],
    },
    {
      author: 'okafor',
      createdAt: [-46, 17, 40],
      changeSummary:
        'Added a sleep goal and CBT-I after insomnia following the sertraline increase to 100 mg; review date moved to allow for the new work.',
      patientSummary:
        'Your sleep got harder after the sertraline increase, so we added a sleep goal, and Sam will work with you on a sleep routine. We moved your next plan review a little later to give it time.',
      reviewBy: -4,
      goals: [
        { keep: 0 },
        { keep: 1 },
        { keep: 2 },
        { keep: 3 },
        {
          description: 'Fall asleep within 30 minutes most nights, with a fixed 7:00 wake time.',
          patientWording:
            'Fall asleep within half an hour most nights, and get up at 7:00 every day.',
          targetDate: -25,
        },
      ],
      interventions: [
        { keep: 0 },
        { keep: 1 },
        { keep: 2 },
        {
          kind: 'CBT',
          description: 'CBT for insomnia: sleep diary, stimulus control, sleep window.',
          owner: 'okafor',
          frequency: 'Nightly routine, reviewed weekly',
        },
      ],
      acknowledgedAt: [-45, 21, 0],
      comments: [
        {
          by: 'patient',
          createdAt: [-45, 21, 5],
          body: 'The 7:00 wake time is hard on Saturdays. Could weekends be 8:00 instead?',
        },
        {
          by: 'okafor',
          createdAt: [-44, 9, 30],
          body: 'Yes: up to an hour later at weekends is fine while sleep settles. We can adjust in session.',
        },
      ],
    },
    {
      author: 'rivera',
      createdAt: [-18, 10, 15],
      changeSummary:
        'GAD-7 below 10 on the last two checks (9, 8) and sleep goal met; trazodone stopped. Medication visits move to every 4 weeks.',
      patientSummary:
        'Good news: your worry has stayed at a level you can manage, and you are sleeping better, so those two goals are reached. You no longer need trazodone, and your medication visits are now every 4 weeks.',
      reviewBy: 40,
      goals: [
        { keep: 0 },
        { keep: 1, status: 'ACHIEVED' },
        { keep: 2 },
        { keep: 3 },
        { keep: 4, status: 'ACHIEVED' },
      ],
      interventions: [
        {
          kind: 'MEDICATION_MANAGEMENT',
          description: 'Sertraline 100 mg maintenance; review response and side effects.',
          owner: 'rivera',
          frequency: 'Every 4 weeks',
          medicationKey: 'sertraline',
        },
        { keep: 1 },
        { keep: 2 },
        { keep: 3 },
      ],
    },
  ],
  checkIns: {
    from: -89,
    to: -1,
    seed: 17,
    skipRate: 0.1,
    gaps: [-73, -72, -71],
    mood: trend([
      [-89, 3],
      [-76, 3.2],
      [-62, 4.2],
      [-56, 4.6],
      [-50, 3.8],
      [-42, 4],
      [-34, 5.2],
      [-20, 6],
      [-1, 6.8],
    ]),
    sleepHours: trend([
      [-89, 5.2],
      [-62, 6.2],
      [-56, 6.4],
      [-52, 5],
      [-42, 5.1],
      [-36, 6.3],
      [-25, 7],
      [-1, 7.3],
    ]),
    energy: trend([
      [-89, 1.8],
      [-60, 2.6],
      [-50, 2],
      [-40, 2.3],
      [-25, 3.3],
      [-1, 3.9],
    ]),
    focus: trend([
      [-89, 2],
      [-60, 2.5],
      [-48, 2.2],
      [-25, 3.2],
      [-1, 3.7],
    ]),
    appetite: trend([
      [-89, 2],
      [-80, 2.4],
      [-60, 3.2],
      [-1, 3.6],
    ]),
    sideEffects: [
      {
        name: 'Nausea',
        days: {
          ...on([-89, -86, -85, -82, -81, -80], 'MILD'),
          ...on([-88, -87], 'MODERATE'),
        },
      },
      { name: 'Headache', days: on([-88, -86], 'MILD') },
      {
        name: 'Trouble falling asleep',
        days: {
          ...on([-53, -52, -42, -40, -38, -36, -34], 'MILD'),
          ...on([-51, -50, -49, -48, -47, -46, -45, -44, -43], 'MODERATE'),
        },
      },
      { name: 'Vivid dreams', days: on([-52, -49, -45], 'MILD') },
      { name: 'Morning grogginess', days: on([-40, -39], 'MILD') },
      { name: 'Lower sex drive', days: on([-35, -28, -21], 'MILD') },
    ],
    notes: {
      [-89]: 'Took the first dose with breakfast. Queasy by mid-morning.',
      [-87]: 'Nausea most of the morning. Crackers helped a bit.',
      [-84]: 'Stomach settled. Still waking at 4 am.',
      [-79]: 'Walked to the park. Only 10 minutes but I went.',
      [-70]: "Back from my sister's. Missed the weekend check-ins.",
      [-60]: "First morning in weeks I didn't dread getting up.",
      [-52]: 'Awake until 1 am, mind racing about work.',
      [-47]: 'Slept 4.5 hours. Exhausted at work.',
      [-40]: 'Took the trazodone. Slept through but groggy until 10.',
      [-33]: 'Fell asleep within 30 minutes three nights running.',
      [-25]: 'Ran 2 km. Legs hate me, head feels clearer.',
      [-14]: 'Dinner with friends. Left a bit early but enjoyed it.',
      [-3]: 'Good week. Work still stressful but manageable.',
    },
    measure: {
      goal: 2,
      value: (offset, random) =>
        offset === -79
          ? 10
          : Math.max(0, Math.round((minutes(offset) + (random() - 0.5) * 14) / 5) * 5),
    },
  },
  assessments: [
    {
      instrument: 'PHQ9',
      scores: PHQ9,
      at: [8, 40],
      // Two weeks in, item 9 answered 1: Sam called the same afternoon.
      flagResolved: {
        by: 'okafor',
        at: [13, 30],
        outcome: 'SAFETY_PLAN_REVIEWED',
        note: 'Called Alex at 1:15 pm. Fleeting passive thoughts after a hard week at work; no plan, no intent, no access to means. Went through the safety plan together (sister and partner as supports). Session moved up to Thursday.',
      },
    },
    { instrument: 'GAD7', scores: GAD7, at: [8, 45] },
  ],
  notes: [
    therapyNotes('okafor', THERAPY, { written: [17, 10], signed: [17, 35], addendum: [9, 5] }),
    visitNotes('rivera', MEDICATION_VISITS, {
      written: [11, 0],
      signed: [12, 15],
      addendum: [8, 50],
    }),
  ],
  psychotherapyNotes: { author: 'okafor', at: [17, 45], notes: PROCESS_NOTES },
  messages: {
    minute: 20,
    list: [
      [
        -55,
        11,
        'rivera',
        "Increased Alex's sertraline to 100 mg today: partial response at 50. Could you keep an eye on sleep over the next two weeks? Higher doses can disrupt it early on.",
      ],
      [
        -52,
        16,
        'okafor',
        'Alex reports trouble falling asleep since the increase, about 5 h a night. Starting stimulus control and a fixed wake time this week. Will update after the next session.',
      ],
      [
        -46,
        18,
        'okafor',
        'Sleep diary after two weeks: sleep onset around 70 minutes, 5 h total. Adding CBT-I formally and a sleep goal to the plan. Would a short-term sleep aid make sense while it takes hold?',
      ],
      [
        -41,
        15,
        'rivera',
        'Agreed. Started trazodone 50 mg at bedtime as needed, short term. Plan to stop it within a month. Note: one entry today was marked entered-in-error (wrong schedule); the current entry is correct.',
      ],
      [
        -20,
        12,
        'rivera',
        'Stopped trazodone: used once in two weeks. PHQ-9 down to 9. Next medication visit in 4 weeks unless something changes.',
      ],
      [
        -5,
        17,
        'okafor',
        "Alex is running twice a week and saw friends at the weekend. Moving toward relapse-prevention work. They'd like to talk about how long to stay on sertraline at the next visit.",
      ],
    ],
  },
};
