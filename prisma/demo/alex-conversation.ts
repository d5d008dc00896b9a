// Alex Morgan's conversation with their care team over the last week (prisma/demo/conversation.ts
// writes it as the API would).
import type { DemoConversation } from './conversation';

/** Alex writes to Sam between sessions; Sam's last reply is still unread, and Dr. Rivera looked in once. */
export const ALEX_CONVERSATION: DemoConversation = {
  messages: [
    [
      [-6, 20, 10],
      'patient',
      'Hi Sam, a quick question before Thursday. Keeping the 7 am wake-up at the weekend is the hardest part. Is it OK to sleep in an hour on Saturdays, or does that undo the progress?',
    ],
    [
      [-5, 12, 40],
      'okafor',
      'Hi Alex, good question. An hour later on one day a week is fine; much more than that tends to push Sunday night’s sleep back. Bring your sleep diary on Thursday and we’ll look at it together.',
    ],
    [
      [-2, 21, 5],
      'patient',
      'Thanks! I tried it this weekend and Sunday night was fine. I also ran twice this week.',
    ],
    [
      [-1, 9, 15],
      'okafor',
      'That’s great to hear, well done on the runs. Keep the diary going; see you on Thursday.',
    ],
  ],
  reads: [['rivera', [-5, 17, 30]]],
};
