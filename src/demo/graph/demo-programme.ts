/**
 * A generated tenant's programme without Graph: its org model and the opt-in profiles as the app
 * reads them (generateDemoProfiles' extensions through the profile store's reader, damaged ones left
 * out). For tests and benches that run matching at sizes the fake Graph would take long to serve.
 */
import { buildOrgModel, type OrgModel } from '@/domain/org/org-model';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { readStoredProfile, type StoredProfile } from '@/services/profile/profile-store';
import { generateDemoProfiles } from './demo-profiles';
import type { DemoUser } from './demo-tenant';

/** The org model of `users` and their stored profiles. */
export function demoProgramme(users: readonly DemoUser[]): { model: OrgModel; profiles: StoredProfile[] } {
  const model = buildOrgModel(
    users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      managerId: u.managerId ?? undefined,
      department: u.department ?? undefined,
      officeLocation: u.officeLocation ?? undefined,
      country: u.country ?? undefined,
    })),
  );
  const profiles = [...generateDemoProfiles(users)].map(([id, extensions]) => readStoredProfile(id, extensions[PROFILE_EXTENSION])).filter((p): p is StoredProfile => !('damaged' in p));
  return { model, profiles };
}
