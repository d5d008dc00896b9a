import { RetryEmailButton } from '@/components/admin/retry-email-button';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date-time';
import type { OutboxEmail } from '@/lib/schemas/outbox';

const STATUS: Record<OutboxEmail['status'], { label: string; tone: BadgeTone }> = {
  waiting: { label: 'Waiting', tone: 'amber' },
  sent: { label: 'Sent', tone: 'teal' },
  dead: { label: 'Failed', tone: 'rose' },
};

const PURPOSE: Record<OutboxEmail['purpose'], string> = {
  NOTIFICATION: 'Inbox item',
  DIGEST: 'Daily summary',
  ESCALATION: 'Safety escalation',
  CHECK_IN_REMINDER: 'Check-in reminder',
  QUESTIONNAIRE_REMINDER: 'Questionnaire reminder',
  PLAN_REMINDER: 'Plan reminder',
  APPOINTMENT_REMINDER: 'Appointment reminder',
};

/** One email of the outbox: who, why, what it says, and where it stands. */
function OutboxItem({ email }: { email: OutboxEmail }) {
  const status = STATUS[email.status];
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{email.subject}</p>
          <p className="text-sm break-all text-slate-600">
            To {email.recipientName} · {email.toAddress}
          </p>
          <p className="text-sm text-slate-600">
            {PURPOSE[email.purpose]} · queued <LocalDateTime iso={email.createdAt} />
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Badge tone={status.tone}>{status.label}</Badge>
          {email.status === 'dead' ? (
            <RetryEmailButton emailId={email.id} to={email.toAddress} />
          ) : null}
        </div>
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
        {email.sentAt ? (
          <>
            <dt className="font-medium">Sent</dt>
            <dd>
              <LocalDateTime iso={email.sentAt} />
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Attempts</dt>
        <dd>{email.attempts}</dd>
        {email.lastError ? (
          <>
            <dt className="font-medium">Last error</dt>
            <dd className="break-all">{email.lastError}</dd>
          </>
        ) : null}
        {email.deadAt ? (
          <>
            <dt className="font-medium">Given up</dt>
            <dd>
              <LocalDateTime iso={email.deadAt} />
            </dd>
          </>
        ) : null}
      </dl>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-teal-800">
          Show the text<span className="sr-only"> of the email to {email.toAddress}</span>
        </summary>
        <pre className="mt-2 rounded-md bg-slate-50 p-3 font-sans break-words whitespace-pre-wrap text-slate-800">
          {email.text}
        </pre>
      </details>
    </li>
  );
}

/** The page's emails, newest first. */
export function OutboxList({ emails }: { emails: OutboxEmail[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {emails.map((email) => (
        <OutboxItem key={email.id} email={email} />
      ))}
    </ul>
  );
}
