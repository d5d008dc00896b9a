// The seven steps of the Stanley–Brown safety plan, in the first-person words the plan is written
// in (it is the patient's own plan, whoever types it).
import type { SafetyPlanSection } from '@/lib/schemas/safety-plan';

export const SECTION_WORDS: Record<
  SafetyPlanSection,
  { step: number; title: string; hint: string; item: string }
> = {
  warningSigns: {
    step: 1,
    title: 'Warning signs',
    hint: 'Thoughts, feelings, situations or things I do that tell me a crisis may be starting.',
    item: 'warning sign',
  },
  copingStrategies: {
    step: 2,
    title: 'Things I can do on my own',
    hint: 'Ways to take my mind off my problems without contacting anyone.',
    item: 'thing I can do',
  },
  distractions: {
    step: 3,
    title: 'People and places that help me take my mind off things',
    hint: 'People to be with and places to go.',
    item: 'person or place',
  },
  helpers: {
    step: 4,
    title: 'People I can ask for help',
    hint: 'People I trust to talk to when things are hard.',
    item: 'person',
  },
  professionals: {
    step: 5,
    title: 'Professionals and services I can contact',
    hint: 'My care team and the crisis lines are always here; add others, such as a doctor or a local service.',
    item: 'professional or service',
  },
  environmentSafety: {
    step: 6,
    title: 'Making my surroundings safer',
    hint: 'What I will do to keep things I could use to hurt myself out of reach.',
    item: 'safety step',
  },
  reasonsForLiving: {
    step: 7,
    title: 'My reasons for living',
    hint: 'What matters most to me and is worth living for.',
    item: 'reason',
  },
};
