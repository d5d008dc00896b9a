import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NextAppointment } from '@/components/appointments/next-appointment';
import { CareTeamList } from '@/components/my-care/care-team-list';
import { CheckInCall } from '@/components/my-care/check-in-call';
import { MedicationList } from '@/components/my-care/medication-list';
import { MoodSparkline } from '@/components/my-care/mood-sparkline';
import { NextCheckpoints } from '@/components/my-care/next-checkpoints';
import { PlanSummary } from '@/components/my-care/plan-summary';
import { SafetyFlagStatusLine } from '@/components/my-care/safety-flag-status';
import { SafetyPlanCall } from '@/components/my-care/safety-plan-call';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { instrumentName } from '@/lib/clinical/assessment-items';
import { listPatientAppointments } from '@/lib/data/appointments';
import { ownTimeZone } from '@/lib/data/appointments/day';
import { getMyCareSummary } from '@/lib/data/my-care';
import { getSafetyFlagStatus } from '@/lib/data/safety-flags';
import type { Appointment } from '@/lib/schemas/appointments';

export const metadata: Metadata = { title: 'My care' };

/**
 * Rendered whole on the server, with no loading placeholder: the page is the patient's first
 * sight of Triad, and its words arrive in the first response instead of replacing a skeleton
 * after the scripts ran (Lighthouse's largest paint 2.9 s with the skeleton; README "Client
 * weight"). Its reads run side by side to keep that response quick.
 */
export default async function MyCarePage() {
  const viewer = await requireRole('PATIENT');
  const [summary, timeZone] = await Promise.all([getMyCareSummary(viewer), ownTimeZone(viewer)]);
  const [flagStatus, next] = await Promise.all([
    getSafetyFlagStatus(viewer, summary.patientId),
    listPatientAppointments(viewer, summary.patientId, { limit: 1 }),
  ]);
  const firstName = summary.name.split(' ')[0] || summary.name;

  return (
    <>
      <PageHeader title="My care">
        <p>
          Hi {firstName}. Here is your plan, your medications and the people who care for you, all
          in one place.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <SafetyFlagStatusLine status={flagStatus.status} />
        {sections(summary, next.items[0] ?? null, timeZone).map(({ content, ...card }) => (
          <Card key={card.titleId} {...card}>
            {content}
          </Card>
        ))}
      </div>
    </>
  );
}

type Summary = Awaited<ReturnType<typeof getMyCareSummary>>;

/** A titled card of the page, with its description and content. */
type Section = {
  title: string;
  titleId: string;
  description: string;
  actions?: ReactNode;
  content: ReactNode;
};

/** The page's cards in reading order: what to do now, then the record. */
function sections(summary: Summary, next: Appointment | null, timeZone: string): Section[] {
  return [appointmentSection(next, timeZone), ...nowSections(summary), ...recordSections(summary)];
}

/** The next visit: when, what, with whom, how to join, and "Add to calendar". */
function appointmentSection(next: Appointment | null, timeZone: string): Section {
  return {
    title: 'Your next appointment',
    titleId: 'next-appointment-heading',
    description: 'Shown in your own time zone.',
    actions: (
      <Link href="/my-care/appointments" className="font-medium text-teal-800 underline">
        My appointments
      </Link>
    ),
    content: <NextAppointment appointment={next} timeZone={timeZone} />,
  };
}

/** Today, the messages, the safety plan and what is coming up. */
function nowSections(summary: Summary): Section[] {
  return [
    {
      title: 'Today',
      titleId: 'today-heading',
      description: 'How are you doing today?',
      actions: (
        <Link href="/my-care/reminders" className="font-medium text-teal-800 underline">
          Reminders
        </Link>
      ),
      content: <CheckInCall recentCheckInDates={summary.trend.recentCheckInDates} />,
    },
    {
      title: 'Messages',
      titleId: 'messages-heading',
      description: 'Write to your care team. They read messages during clinic hours.',
      content: <MessagesCall unread={summary.conversationUnread} />,
    },
    {
      title: 'Your safety plan',
      titleId: 'safety-plan-heading',
      description: 'What to do, and who to call, if things start to feel too hard.',
      content: <SafetyPlanCall />,
    },
    {
      title: 'Coming up',
      titleId: 'checkpoints-heading',
      description: 'Your next questionnaires and when your plan will be reviewed.',
      content: (
        <NextCheckpoints
          assessments={summary.assessments}
          reviewBy={summary.plan?.reviewBy ?? null}
        />
      ),
    },
  ];
}

/** The trends, the plan, the medications, the team and who viewed the record. */
function recordSections(summary: Summary): Section[] {
  return [
    {
      title: 'Your recent trends',
      titleId: 'recent-trends-heading',
      description: 'A quick look. Open your trends for the full picture.',
      content: <RecentTrends trend={summary.trend} assessments={summary.assessments} />,
    },
    {
      title: 'Your plan',
      titleId: 'plan-heading',
      description: 'What you and your care team agreed to work on.',
      actions: (
        <Link href="/my-care/plan" className="font-medium text-teal-800 underline">
          Open my plan
        </Link>
      ),
      content: <PlanSummary plan={summary.plan} />,
    },
    {
      title: 'Your medications',
      titleId: 'medications-heading',
      description: 'What you take now, when it last changed, and why your prescriber chose it.',
      content: <MedicationList medications={summary.medications} />,
    },
    {
      title: 'Your care team',
      titleId: 'care-team-heading',
      description: 'The people who look after you.',
      content: <CareTeamList members={summary.careTeam} />,
    },
    {
      title: 'Your privacy',
      titleId: 'privacy-heading',
      description: 'Every time someone opens or changes your record, it is written down.',
      content: (
        <ul className="space-y-2">
          <li>
            <Link href="/my-care/who-viewed" className="font-medium text-teal-800 underline">
              See who viewed your record
            </Link>
          </li>
          <li>
            <Link href="/my-care/record" className="font-medium text-teal-800 underline">
              Take your record with you
            </Link>
          </li>
        </ul>
      ),
    },
  ];
}

/** How many messages from the care team are new, and the way to the conversation. */
function MessagesCall({ unread }: { unread: number }) {
  return (
    <div className="space-y-2">
      <p className="text-slate-800">
        {unread > 0 ? (
          <strong>
            {unread} new {unread === 1 ? 'message' : 'messages'} from your care team.
          </strong>
        ) : (
          'No new messages.'
        )}
      </p>
      <Link href="/my-care/messages" className="inline-block font-medium text-teal-800 underline">
        {unread > 0 ? 'Read your messages' : 'Write to your care team'}
      </Link>
    </div>
  );
}

/** Mood at a glance and the latest questionnaire scores. */
function RecentTrends({
  trend,
  assessments,
}: {
  trend: Summary['trend'];
  assessments: Summary['assessments'];
}) {
  const scores = assessments.filter((a) => a.lastScore !== null);
  return (
    <div className="space-y-3">
      <MoodSparkline mood={trend.mood} />
      {scores.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-800">
          {scores.map((a) => (
            <li key={a.instrument}>
              Latest {instrumentName(a.instrument)}: <strong>{a.lastScore}</strong> (
              {a.lastSeverity})
            </li>
          ))}
        </ul>
      ) : null}
      <Link href="/my-care/trends" className="inline-block font-medium text-teal-800 underline">
        See all your trends
      </Link>
    </div>
  );
}
