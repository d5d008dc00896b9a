// Jordan Lee (Riverbend; Dr. Rivera and Lee Park): panic disorder with generalized anxiety.
// Escitalopram 5 → 10 mg, held for three days during gastroenteritis; as-needed hydroxyzine
// stopped for drowsiness. Therapy moved to every two weeks at his request; an open review request.
import type { DapBody, SoapBody } from './build';
import { on } from './check-ins';
import { trend } from './context';
import { fortnightly, therapyNotes, visitNotes, type DemoStory } from './story';

const GAD7 = fortnightly(-75, '3232222 2232222 2222112 2222212 2121112 1121111');

const PHQ9 = fortnightly(-75, '112211210 112211110 112111110 112111110 111111100 111101100');

const THERAPY: [number, DapBody][] = [
  [
    -73,
    {
      data: 'Intake. Panic attacks 4–5 a week for six months, first on a crowded bus. Now avoids buses and the campus library; walks 40 minutes to class. Constant worry about exams and money. GAD-7 16, PHQ-9 11. No suicidal ideation. Caffeine 4 energy drinks a day.',
      assessment:
        'Panic disorder with agoraphobic avoidance; generalized anxiety. Catastrophic reading of heart racing ("I\'m having a heart attack"). Good candidate for CBT with interoceptive exposure.',
      plan: 'Weekly CBT. Panic diary. Psychoeducation on the panic cycle. Cut energy drinks to one a day.',
    },
  ],
  [
    -66,
    {
      data: 'Panic diary: 4 attacks, peak 8/10, each under 15 minutes. Energy drinks down to two a day. Started escitalopram last week; jittery for three days.',
      assessment: 'Understands the panic cycle; still believes attacks could harm his heart.',
      plan: 'Interoceptive exposure in session (stair run, breathing through a straw). Practise daily at home.',
    },
  ],
  [
    -59,
    {
      data: 'Interoceptive practice on 5 days. 3 panic attacks, peak 7/10. Used hydroxyzine twice; drowsy at work afterwards. Built an exposure hierarchy of 8 steps, from standing at a bus stop to a full rush-hour ride.',
      assessment: 'Fear of bodily sensations decreasing with practice.',
      plan: 'Begin in-vivo exposure: steps 1–2 three times this week.',
    },
  ],
  [
    -52,
    {
      data: 'Completed steps 1–2 (bus stop, one stop off-peak). Anxiety peaked 7/10, fell to 3/10 within 20 minutes. Two panic attacks this week.',
      assessment: 'Habituation within and between exposures.',
      plan: 'Steps 3–4. Drop safety behaviors (water bottle, sitting by the door).',
    },
  ],
  [
    -45,
    {
      data: 'Rode three stops at peak time without leaving early. One panic attack, at home, at night. GAD-7 12.',
      assessment: 'Good progress on avoidance; worry about exams persists.',
      plan: 'Continue hierarchy. Add worry postponement for exam worries.',
    },
  ],
  [
    -38,
    {
      data: 'Asked to meet every two weeks: he has used 6 of 20 covered sessions. Reviewed the plan together. Exposure practice 3 times this week.',
      assessment:
        'Skills well established; fortnightly sessions with structured home practice are reasonable.',
      plan: 'Sessions every two weeks. Written exposure plan between sessions. Plan updated.',
    },
  ],
  [
    -24,
    {
      data: 'Off escitalopram for three days during a stomach bug, restarted without problems. No panic attacks in the last 10 days. Rode the bus to campus 4 times.',
      assessment: 'Marked reduction in panic and avoidance.',
      plan: 'Steps 6–7 (rush hour, library on exam week). Review worry time.',
    },
  ],
  [
    -10,
    {
      data: 'GAD-7 10. One panic attack, in a crowded lecture hall, stayed until the end. Exposure practice twice a week since switching to evening shifts.',
      assessment: 'Continued gains; practice frequency dropping with his new schedule.',
      plan: 'Step 8 before the next session. Discuss a realistic practice schedule around shifts.',
    },
  ],
];

const MEDICATION_VISITS: [number, SoapBody][] = [
  [
    -75,
    {
      subjective:
        'Panic attacks 4–5 a week with chest tightness and fear of dying; ER visit two months ago with normal ECG. Constant worry about exams and rent. Sleep 6 h, broken. Four energy drinks a day. No prior medication.',
      objective:
        'Anxious, restless, good rapport. GAD-7 16, PHQ-9 11. HR 96, BP 124/80. ECG at ER normal. No suicidal ideation.',
      assessment: 'Panic disorder with generalized anxiety disorder.',
      plan: 'Start escitalopram 5 mg daily; increase to 10 mg in two weeks if tolerated. Hydroxyzine 25 mg as needed for acute anxiety (no benzodiazepine). Warned about early jitteriness. Reduce caffeine. CBT with Lee Park.',
    },
  ],
  [
    -61,
    {
      subjective:
        'Jittery for the first three days, then settled. Panic attacks unchanged, 4 this week. Hydroxyzine used twice; drowsy the next morning.',
      objective: 'Less restless. GAD-7 15. No suicidal ideation.',
      assessment: 'Tolerating escitalopram 5 mg; no response yet, as expected.',
      plan: 'Increase escitalopram to 10 mg. Hydroxyzine only when needed, not before shifts.',
    },
  ],
  [
    -33,
    {
      subjective:
        'Panic attacks down to about one a week. Has not used hydroxyzine in three weeks; stopped because of daytime drowsiness at work. Mild nausea in the first week after the increase, gone.',
      objective: 'Calm, engaged. GAD-7 13, PHQ-9 9 today. No suicidal ideation.',
      assessment: 'Good response to escitalopram 10 mg; hydroxyzine no longer needed.',
      plan: 'Stop hydroxyzine. Continue escitalopram 10 mg. Follow up in three weeks.',
    },
  ],
  [
    -12,
    {
      subjective:
        'Three-day stomach bug two weeks ago; held escitalopram and restarted without problems. One panic attack in the past two weeks. Sleeping 7 h.',
      objective: 'Relaxed, full range of affect. GAD-7 10 last week. No suicidal ideation.',
      assessment: 'Panic disorder improving on escitalopram 10 mg with CBT.',
      plan: 'Continue 10 mg. Reassess in six weeks; if GAD-7 plateaus above 10, consider 15 mg.',
    },
  ],
];

const escitalopram = {
  medication: 'Escitalopram',
  unit: 'mg',
  route: 'oral',
  frequency: 'once daily',
};
const panicRate = trend([
  [-74, 0.7],
  [-60, 0.55],
  [-45, 0.25],
  [-30, 0.12],
  [-1, 0.08],
]);
/** The therapy note of the last session, not yet finished. */
const DRAFT: DapBody = {
  data: 'Completed step 8 (rush-hour ride, 25 minutes). Practice twice this week around evening shifts.',
  assessment: '',
  plan: '',
};

export const JORDAN_LEE: DemoStory = {
  reminders: { checkInHour: 21, planReminder: false },
  contact: {
    by: 'patient',
    at: [-76, 20, 15],
    details: {
      phone: '(312) 555-0116',
      preferredContact: 'PHONE',
      emergencyName: 'Grace Lee',
      emergencyRelationship: 'Mother',
      emergencyPhone: '(312) 555-0173',
    },
  },
  medications: {
    prescriber: 'rivera',
    changes: [
      {
        ...escitalopram,
        action: 'START',
        dose: 5,
        effectiveDate: -75,
        createdAt: [-75, 14, 30],
        reason:
          'Panic disorder (4–5 attacks a week) with generalized anxiety (GAD-7 16). Starting low: early jitteriness is common in panic disorder.',
        monitorFor: [
          'Jitteriness or more anxiety in the first weeks',
          'Nausea',
          'Headache',
          'Sleep changes',
        ],
        reviewBy: -61,
        patientExplanation:
          'Escitalopram is a daily medicine that lowers anxiety and panic over several weeks. We start at 5 mg because some people feel jittery at first; that usually passes within a week. Take it at the same time each day.',
        noteForCareTeam:
          'Escitalopram 5 mg, target 10 mg in two weeks. Expect possible activation in week one; a panic spike then is more likely the medication than a setback.',
      },
      {
        action: 'START',
        medication: 'Hydroxyzine',
        dose: 25,
        unit: 'mg',
        route: 'oral',
        frequency: 'up to three times daily as needed for acute anxiety',
        effectiveDate: -75,
        createdAt: [-75, 14, 35],
        reason:
          'Short-term as-needed relief while escitalopram takes effect; a non-habit-forming alternative to a benzodiazepine.',
        monitorFor: ['Drowsiness', 'Dry mouth'],
        patientExplanation:
          "Hydroxyzine can take the edge off a spike of anxiety within about an hour. It can make you sleepy, so don't take it before driving or a shift until you know how it affects you.",
      },
      {
        ...escitalopram,
        action: 'INCREASE',
        dose: 10,
        effectiveDate: -61,
        createdAt: [-61, 15, 0],
        reason:
          'Tolerated 5 mg for two weeks; jitteriness resolved after three days. Panic frequency unchanged. Increasing to target dose.',
        monitorFor: ['Nausea', 'Headache', 'Jitteriness'],
        reviewBy: -33,
        patientExplanation:
          "You've settled on the starting dose, so we're moving to 10 mg, the usual effective dose. Most people notice fewer panic attacks 2 to 4 weeks after reaching it.",
        noteForCareTeam: 'Up to 10 mg. Good time to push on interoceptive exposure.',
      },
      {
        action: 'STOP',
        medication: 'Hydroxyzine',
        effectiveDate: -33,
        createdAt: [-33, 10, 20],
        reason: 'Not used in three weeks; daytime drowsiness at work when used.',
        patientExplanation:
          "You haven't needed hydroxyzine for three weeks and it made you drowsy at work, so we're taking it off your list.",
      },
      {
        action: 'HOLD',
        medication: 'Escitalopram',
        effectiveDate: -30,
        createdAt: [-30, 9, 45],
        reason:
          'Acute gastroenteritis: vomiting for 24 hours, unable to keep oral medication down. Hold until tolerating food.',
        monitorFor: ['Dizziness', 'Irritability', 'Dehydration'],
        patientExplanation:
          'Pause escitalopram until you can keep food down. Missing a few days is safe; you might feel briefly dizzy or irritable. Restart at your usual 10 mg once you are eating normally.',
        noteForCareTeam:
          'Escitalopram on hold for a few days (stomach bug). Brief discontinuation symptoms possible.',
      },
      {
        action: 'RESUME',
        medication: 'Escitalopram',
        dose: 10,
        effectiveDate: -27,
        createdAt: [-27, 11, 10],
        reason: 'Gastroenteritis resolved; eating normally. Resuming at 10 mg.',
        patientExplanation:
          "Glad you're feeling better. Restart escitalopram at 10 mg once a day, as before.",
      },
    ],
  },
  plan: [
    {
      author: 'park',
      createdAt: [-72, 18, 0],
      presentingConcerns:
        'Panic attacks 4–5 times a week for six months, beginning on a crowded bus, with avoidance of buses and the campus library. Persistent worry about exams and money. GAD-7 16, PHQ-9 11. ER visit with a normal ECG. High caffeine intake.',
      patientGoalsOwnWords:
        'I want to get the bus to campus like everyone else and study in the library without planning my escape.',
      reviewBy: -16,
      goals: [
        {
          description: 'Panic attacks down to one a week or fewer.',
          patientWording: 'One panic attack a week or none.',
          measureKind: 'PERSONAL',
          measureName: 'Panic attacks',
          measureUnit: 'count',
          direction: 'AT_MOST',
          targetValue: 1,
          targetDate: -10,
        },
        {
          description: 'Anxiety in the mild range (GAD-7 below 10).',
          patientWording: 'Less anxious day to day: a worry questionnaire score under 10.',
          measureKind: 'GAD7',
          measureName: 'GAD-7',
          direction: 'AT_MOST',
          targetValue: 9,
          targetDate: 20,
        },
        { description: 'Ride the bus to campus twice a week without getting off early.' },
      ],
      interventions: [
        {
          kind: 'MEDICATION_MANAGEMENT',
          description: 'Escitalopram titration; as-needed hydroxyzine short term.',
          owner: 'rivera',
          frequency: 'Every 2–4 weeks',
        },
        {
          kind: 'CBT',
          description: 'CBT for panic: psychoeducation, interoceptive exposure, cognitive work.',
          owner: 'park',
          frequency: 'Weekly',
        },
        {
          kind: 'EXPOSURE',
          description:
            'Graded in-vivo exposure to buses and crowded places, from a written hierarchy.',
          owner: 'park',
          frequency: 'Three practices a week',
        },
      ],
      acknowledgedAt: [-71, 21, 30],
      reviewRequests: [
        {
          reason: 'TOO_COSTLY',
          detail:
            "My insurance covers 20 sessions a year and I'm using them fast. Could we meet every other week?",
          createdAt: [-40, 20, 10],
          resolved: { by: 'park', at: [-38, 17, 30] },
        },
      ],
    },
    {
      author: 'park',
      createdAt: [-38, 17, 25],
      changeSummary:
        "Therapy every two weeks at Jordan's request (session limit); exposure continues between sessions from a written plan.",
      patientSummary:
        'As you asked, we now meet every two weeks, so your sessions last longer through the year. Keep up your practice between sessions with your written plan.',
      reviewBy: 10,
      interventions: [{ keep: 0 }, { keep: 1, frequency: 'Every two weeks' }, { keep: 2 }],
      acknowledgedAt: [-37, 22, 0],
      reviewRequests: [
        {
          reason: 'HARD_TO_KEEP_UP',
          detail:
            'My shifts changed to evenings and three exposure practices a week are hard to fit in. Could we make it two?',
          createdAt: [-3, 23, 5],
        },
      ],
    },
  ],
  checkIns: {
    from: -74,
    to: -1,
    seed: 23,
    skipRate: 0.2,
    gaps: [-31, -30, -29],
    mood: trend([
      [-74, 4.5],
      [-60, 4.8],
      [-45, 5.6],
      [-30, 6],
      [-1, 6.8],
    ]),
    sleepHours: trend([
      [-74, 6],
      [-50, 6.5],
      [-1, 7.2],
    ]),
    energy: trend([
      [-74, 3],
      [-1, 3.6],
    ]),
    focus: trend([
      [-74, 2.4],
      [-40, 3],
      [-1, 3.5],
    ]),
    appetite: trend([
      [-74, 3.2],
      [-1, 3.5],
    ]),
    sideEffects: [
      { name: 'Jitteriness', days: on([-74, -73, -72], 'MILD') },
      { name: 'Nausea', days: on([-73, -60, -59], 'MILD') },
      { name: 'Headache', days: on([-60], 'MILD') },
      { name: 'Drowsiness', days: { ...on([-66, -52], 'MILD'), ...on([-58], 'MODERATE') } },
      { name: 'Dizziness', days: on([-28], 'MILD') },
    ],
    notes: {
      [-74]: 'Felt shaky and wired all afternoon. Is that the pill?',
      [-58]: 'Took hydroxyzine before my shift, nearly fell asleep at the register.',
      [-50]: 'Rode one stop and stayed on. Heart pounding but nothing happened.',
      [-28]: 'Back on escitalopram after the stomach bug. A bit dizzy.',
      [-15]: 'Bus to campus both ways. Barely thought about it.',
      [-4]: 'Evening shifts now. Hard to fit in practice.',
    },
    measure: {
      goal: 0,
      seed: 404,
      value: (offset, random) => {
        const r = random();
        const rate = panicRate(offset);
        return r < rate * 0.25 ? 2 : r < rate ? 1 : 0;
      },
    },
  },
  assessments: [
    { instrument: 'GAD7', scores: GAD7, at: [8, 30] },
    { instrument: 'PHQ9', scores: PHQ9, at: [8, 35] },
  ],
  notes: [
    therapyNotes('park', THERAPY, { written: [16, 50], signed: [17, 20] }),
    therapyNotes('park', [[-3, DRAFT]], { written: [16, 55] }),
    visitNotes('rivera', MEDICATION_VISITS, { written: [14, 0], signed: [15, 10] }),
  ],
  messages: {
    minute: 40,
    list: [
      [
        -61,
        15,
        'rivera',
        "Jordan's escitalopram is up to 10 mg today. He was jittery for three days at 5 mg; if panic spikes this week it may be activation rather than a setback.",
      ],
      [
        -45,
        18,
        'park',
        'Jordan did his first interoceptive exposures (stair runs, straw breathing) and is on step 4 of 8. Using hydroxyzine less; says it makes him drowsy on shift days.',
      ],
      [
        -30,
        10,
        'rivera',
        'FYI: escitalopram on hold for a few days for a stomach bug. Resuming once he is eating. Brief discontinuation symptoms possible.',
      ],
      [
        -10,
        18,
        'park',
        'GAD-7 down to 10. Exposure hierarchy at step 7. Practice is dropping with his new evening shifts; we will set a realistic schedule.',
      ],
      [
        -2,
        17,
        'park',
        'Two panic attacks on the bus this week after a run of late shifts; he skipped hydroxyzine both times (drowsy at work). Worth revisiting the as-needed plan at his next visit?',
      ],
      [
        -1,
        9,
        'rivera',
        'Thanks. I will see him next week and look at a non-sedating option for shift days. Could you keep the bus exposures going meanwhile?',
      ],
    ],
  },
};
