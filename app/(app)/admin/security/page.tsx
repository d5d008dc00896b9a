import type { Metadata } from 'next';
import Link from 'next/link';
import { RequireSecondFactorSetting } from '@/components/admin/require-second-factor-setting';
import { SafetyEscalationSetting } from '@/components/admin/safety-escalation-setting';
import { ResetSecondFactorButton } from '@/components/admin/reset-second-factor-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { roleLabel } from '@/lib/format';
import { getSafetyEscalation } from '@/lib/data/safety-escalation';
import { getOrganizationSecurity, listSecondFactorAccounts } from '@/lib/data/second-factor';

export const metadata: Metadata = { title: 'Security' };

export default async function AdminSecurityPage() {
  const viewer = await requireRole('ADMIN');
  const [settings, accounts, escalation] = await Promise.all([
    getOrganizationSecurity(viewer),
    listSecondFactorAccounts(viewer),
    getSafetyEscalation(viewer),
  ]);
  const enrolled = accounts.filter((a) => a.enabled).length;
  return (
    <>
      <PageHeader title="Security">
        <p>
          Two-step sign-in for the people who can read charts or manage accounts. Your own is on{' '}
          <Link href="/account/security" className="font-medium text-teal-800 underline">
            your Security page
          </Link>
          .
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card
          title="Require two-step sign-in"
          titleId="require-heading"
          description="When on, prescribers, therapists and admins without it are sent to set it up before anything else. Patients are not affected."
        >
          <RequireSecondFactorSetting initial={settings.requireSecondFactor} />
        </Card>
        <Card
          title="Urgent safety flags nobody acknowledged"
          titleId="escalation-heading"
          description="Triad emails the patient’s care team and every admin when an urgent safety flag is still not acknowledged after this time. The email says only that something needs attention."
        >
          <SafetyEscalationSetting initial={escalation} />
        </Card>
        <Card
          title="Clinicians and admins"
          titleId="accounts-heading"
          description={`${enrolled} of ${accounts.length} active accounts have two-step sign-in on. Reset it for someone who lost their phone and their recovery codes.`}
        >
          <ul className="divide-y divide-slate-200">
            {accounts.map((account) => (
              <li
                key={account.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{account.name}</p>
                  <p className="text-sm break-all text-slate-600">
                    {roleLabel(account.role)} · {account.email}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone={account.enabled ? 'teal' : 'neutral'}>
                    {account.enabled ? 'Two-step on' : 'Two-step off'}
                  </Badge>
                  {account.enabled && account.id !== viewer.userId ? (
                    <ResetSecondFactorButton userId={account.id} name={account.name} />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
