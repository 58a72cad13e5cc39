import type { DirectoryPerson } from '@/services/graph/directory-person';

/** One person shown in a list: their id, their directory record if known, and the name to use otherwise. */
export interface Named {
  readonly id: string;
  readonly person: DirectoryPerson | undefined;
  readonly fallbackName: string;
}

const placeOf = (p: DirectoryPerson | undefined) => p?.officeLocation ?? p?.city ?? p?.country ?? undefined;
const FIELDS: readonly ((p: DirectoryPerson | undefined) => string | undefined | null)[] = [(p) => p?.jobTitle, (p) => p?.department, placeOf];

/**
 * The names to show for people listed together: the name alone, or, where two share it, the name
 * with what tells them apart (job title, department, office), e.g. "Aisha Bello (Social Media
 * Associate, Marketing)". Names repeat in large organisations.
 */
export function namesApart(listed: readonly Named[]): Map<string, string> {
  const nameOf = (n: Named) => n.person?.displayName ?? n.fallbackName;
  const groups = new Map<string, Named[]>();
  for (const n of listed) {
    const key = nameOf(n).trim().toLocaleLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    const distinct = new Set(group.map((n) => n.id));
    if (distinct.size < 2) {
      for (const n of group) labels.set(n.id, nameOf(n));
      continue;
    }
    // The fields that differ among the namesakes; all known fields when none does.
    const differing = FIELDS.filter((field) => new Set(group.map((n) => field(n.person) ?? '')).size > 1);
    const fields = differing.length > 0 ? differing : FIELDS;
    for (const n of group) {
      const parts = fields.map((field) => field(n.person)).filter((part): part is string => Boolean(part));
      labels.set(n.id, parts.length > 0 ? `${nameOf(n)} (${parts.join(', ')})` : nameOf(n));
    }
  }
  return labels;
}
