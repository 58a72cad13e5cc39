/**
 * The organisation the programme draws on, in figures: who can take part (enabled members; guests,
 * rooms and disabled accounts are left out), in how many departments and offices.
 */
import type { DirectorySnapshot } from '@/services/graph/directory-loader';
import { isActive } from '@/services/graph/directory-person';

/** How many people can take part, and across how many departments and offices. */
export interface OrganisationSummary {
  readonly people: number;
  readonly departments: number;
  readonly offices: number;
}

/** The summary of a directory snapshot. */
export function organisationSummary(snapshot: DirectorySnapshot): OrganisationSummary {
  const active = snapshot.people.filter(isActive);
  return {
    people: active.length,
    departments: new Set(active.map((p) => p.department).filter(Boolean)).size,
    offices: new Set(active.map((p) => p.officeLocation).filter(Boolean)).size,
  };
}
