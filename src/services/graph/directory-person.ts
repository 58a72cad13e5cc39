/** A person in the organisation as the app keeps them (in memory and in the cache). */
export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string | undefined;
  readonly jobTitle: string | undefined;
  readonly department: string | undefined;
  readonly officeLocation: string | undefined;
  readonly city: string | undefined;
  readonly country: string | undefined;
  readonly preferredLanguage: string | undefined;
  readonly employeeHireDate: string | undefined;
  readonly managerId: string | undefined;
  readonly accountEnabled: boolean;
  /** A member of the organisation, not a guest. */
  readonly member: boolean;
}

/**
 * An enabled member account: someone the programme can involve. Others are kept only where they
 * hold the chart together (a disabled manager between two active people).
 */
export function isActive(person: DirectoryPerson): boolean {
  return person.accountEnabled && person.member;
}
