import type { SignedInPerson } from '@/services/identity/identity';
import { DEMO_TENANT_ID } from './demo-identity';

/** A person you can be in the demo tenant, with the role they play in the programme. */
export interface DemoPerson extends SignedInPerson {
  readonly jobTitle: string;
  readonly role: 'executive' | 'reverse mentor' | 'programme owner';
}

const person = (id: number, displayName: string, userPrincipalName: string, jobTitle: string, role: DemoPerson['role']): DemoPerson => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  displayName,
  userPrincipalName,
  tenantId: DEMO_TENANT_ID,
  jobTitle,
  role,
});

/**
 * The people the demo offers to sign in as: an executive, two juniors and a programme owner.
 * The demo tenant contains them with these ids, so every surface shows the same person.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person(1, 'Margaret Lindqvist', 'margaret.lindqvist@contoso.example', 'Chief Financial Officer', 'executive'),
  person(2, 'Diego Hernández', 'diego.hernandez@contoso.example', 'Graduate Software Engineer', 'reverse mentor'),
  // Signs in as a.bello@contoso.onmicrosoft.com; her mail is aisha.bello@contoso.example: a UPN that is no mail address.
  person(3, 'Aisha Bello', 'a.bello@contoso.onmicrosoft.com', 'Social Media Associate', 'reverse mentor'),
  person(4, 'Priya Raman', 'priya.raman@contoso.example', 'Head of Learning & Development', 'programme owner'),
];

/** The demo person with this id, if any. */
export function findDemoPerson(id: string | undefined): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.id === id);
}

/** The demo app's id (its manifest id) in the demo tenant's Teams app catalogue. */
export const DEMO_TEAMS_APP_ID = '5b7e2c1a-9d3f-4e6b-8a21-0c4d7f9e3b12';
