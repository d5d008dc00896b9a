import { db } from '@/lib/db';
import { createCareTeam, createUser } from '@/tests/factories';

/**
 * A care team and its organization's admin, plus a second organization with its own admin (the
 * one who must be refused). `team` says how the team's accounts sign in; admins have no password.
 */
export async function clinicWithAdmins(team: Parameters<typeof createCareTeam>[1] = {}) {
  const home = await createCareTeam(db, team);
  const admin = await createUser(db, home.organization, { role: 'ADMIN', passwordHash: null });
  const elsewhere = await createCareTeam(db, { passwordHash: null });
  const elsewhereAdmin = await createUser(db, elsewhere.organization, {
    role: 'ADMIN',
    passwordHash: null,
  });
  return { ...home, admin, elsewhere, elsewhereAdmin };
}
