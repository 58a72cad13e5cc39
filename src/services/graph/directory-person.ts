/** A person in the organisation as the app keeps them (in memory and in the cache). */
export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string | undefined;
  /** The primary SMTP address; undefined for an account without a mailbox address. */
  readonly mail: string | undefined;
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

/**
 * The address a person's mailbox is found by: their `mail` (SMTP) address. getSchedule takes "SMTP
 * addresses" (https://learn.microsoft.com/graph/api/calendar-getschedule), and attendees and sharing
 * invitations are addressed the same way; a user principal name is often not one (a UPN in
 * contoso.onmicrosoft.com, mail at contoso.com), so it is used only for a user who has no mail.
 */
export function mailboxAddressOf(person: Pick<DirectoryPerson, 'mail' | 'userPrincipalName'>): string | undefined {
  return person.mail?.trim() || person.userPrincipalName || undefined;
}
