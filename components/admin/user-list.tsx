import Link from 'next/link';
import { DisableAccountButton } from '@/components/admin/disable-account-button';
import { Badge } from '@/components/ui/badge';
import type { OrganizationUser } from '@/lib/data/organization';
import { roleLabel } from '@/lib/format';

const columns =
  'md:grid md:grid-cols-[minmax(0,1.4fr)_minmax(0,2fr)_minmax(0,1fr)_minmax(0,0.8fr)_minmax(0,0.9fr)] md:items-center md:gap-4';

/**
 * The organization's accounts: who, how to reach them, their role, whether they can sign in,
 * "Manage" (name, email, set-password link, re-enable) and "Disable" for an active account other
 * than the admin's own.
 */
export function UserList({
  users,
  currentUserId,
}: {
  users: OrganizationUser[];
  currentUserId: string;
}) {
  return (
    <div>
      <div
        aria-hidden="true"
        className={`hidden border-b border-slate-200 pb-2 text-xs font-medium tracking-wide text-slate-600 uppercase ${columns}`}
      >
        <span>Name</span>
        <span>Email</span>
        <span>Role</span>
        <span>Status</span>
        <span>
          <span className="sr-only">Actions</span>
        </span>
      </div>
      <ul className="divide-y divide-slate-200">
        {users.map((user) => (
          <li key={user.id} className={`py-3 ${columns}`}>
            <p className="font-medium text-slate-900">
              {user.name}
              {user.id === currentUserId ? (
                <span className="font-normal text-slate-600"> (you)</span>
              ) : null}
            </p>
            <dl className="text-sm md:col-span-3 md:grid md:grid-cols-subgrid md:items-center">
              <div className="mt-1 flex min-w-0 gap-2 md:mt-0 md:block">
                <dt className="text-slate-600 md:sr-only">Email</dt>
                <dd className="min-w-0 break-all text-slate-800">{user.email}</dd>
              </div>
              <div className="mt-1 flex gap-2 md:mt-0 md:block">
                <dt className="text-slate-600 md:sr-only">Role</dt>
                <dd className="text-slate-800">{roleLabel(user.role)}</dd>
              </div>
              <div className="mt-1 flex items-center gap-2 md:mt-0 md:block">
                <dt className="text-slate-600 md:sr-only">Status</dt>
                <dd>
                  <Badge tone={user.isActive ? 'teal' : 'neutral'}>
                    {user.isActive ? 'Active' : 'Disabled'}
                  </Badge>
                </dd>
              </div>
            </dl>
            <div className="mt-2 flex flex-wrap items-center gap-3 md:mt-0 md:justify-end">
              <Link
                href={`/admin/accounts/${user.id}`}
                className="text-sm font-medium text-teal-800 underline"
              >
                Manage<span className="sr-only"> {user.name}’s account</span>
              </Link>
              {user.isActive && user.id !== currentUserId ? (
                <DisableAccountButton userId={user.id} name={user.name} />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
