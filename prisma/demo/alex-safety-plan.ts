// Alex Morgan's safety plan, written with Sam Okafor at the first session and reviewed after
// the PHQ-9 item 9 answer two weeks in (the flag resolved as "safety plan reviewed").
import type { DemoSafetyPlanVersion } from './safety';

const FIRST = {
  warningSigns: [
    'Staying in bed past noon and skipping meals',
    'Thinking “I’m a burden” or “nothing will ever change”',
    'Cancelling plans with friends two weeks in a row',
  ],
  copingStrategies: [
    'A 20-minute walk by the river',
    'A hot shower, then music with headphones',
    'Writing down three things that went okay today',
  ],
  distractions: [{ name: 'The public library reading room', place: 'Downtown branch' }],
  helpers: [{ name: 'Jamie Morgan (my sibling)', phone: '(312) 555-0187' }],
  professionals: [
    {
      name: 'Riverbend Collaborative Care front desk',
      phone: '(312) 555-0100',
      role: 'My clinic, weekdays 8 am to 6 pm',
    },
  ],
  environmentSafety: ['Keep only a week of medication at home; the rest stays with Jamie'],
  reasonsForLiving: ['Jamie and my nephew Leo', 'My cat, Miso'],
};

export const ALEX_SAFETY_PLAN: readonly DemoSafetyPlanVersion[] = [
  { author: 'okafor', createdAt: [-84, 16, 0], plan: FIRST },
  {
    author: 'okafor',
    createdAt: [-76, 14, 10],
    plan: {
      ...FIRST,
      warningSigns: [...FIRST.warningSigns, 'Lying awake past 3 am more than two nights in a row'],
      distractions: [
        { name: 'Priya Shah, friend from work', phone: '(312) 555-0133' },
        ...FIRST.distractions,
      ],
      helpers: [...FIRST.helpers, { name: 'Priya Shah', phone: '(312) 555-0133' }],
      environmentSafety: [...FIRST.environmentSafety, 'No alcohol at home during a hard week'],
      reasonsForLiving: [...FIRST.reasonsForLiving, 'Running the river trail again in spring'],
      changeNote:
        'Reviewed together after the PHQ-9 of this morning: added Priya, the sleep warning sign and no alcohol at home.',
    },
  },
];
