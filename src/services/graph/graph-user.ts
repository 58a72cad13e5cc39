import { z } from 'zod';
import type { DirectoryPerson } from './directory-person';

/** The user properties the app reads; `manager` comes through $expand or manager@delta. */
export const USER_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  // The SMTP address: what mailboxes are found by (getSchedule, attendees, sharing); the user
  // principal name need not be one (https://learn.microsoft.com/graph/api/resources/user, mail).
  'mail',
  'jobTitle',
  'department',
  'officeLocation',
  'city',
  'country',
  'preferredLanguage',
  'employeeHireDate',
  'accountEnabled',
  'userType',
] as const;

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** A user as Graph returns it with USER_SELECT; unknown extra properties are ignored. */
const graphUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  userPrincipalName: text,
  mail: text,
  jobTitle: text,
  department: text,
  officeLocation: text,
  city: text,
  country: text,
  preferredLanguage: text,
  employeeHireDate: text,
  accountEnabled: z.boolean().nullish(),
  userType: z.string().nullish(),
  manager: z.object({ id: z.string().min(1) }).nullish(),
});

/** A delta item: a changed user (only some properties) or a removed one. */
const deltaItemSchema = graphUserSchema.partial().extend({
  id: z.string().min(1),
  '@removed': z.object({ reason: z.string().optional() }).optional(),
  'manager@delta': z.array(z.object({ id: z.string(), '@removed': z.unknown().optional() })).optional(),
});

/** One user from a delta query page: only the properties that changed, or `@removed` when the user left. */
export type DeltaItem = z.infer<typeof deltaItemSchema>;

/** Reads one user from a Graph page; undefined when it is malformed (the caller counts it). */
export function readGraphUser(value: unknown): DirectoryPerson | undefined {
  const parsed = graphUserSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const user = parsed.data;
  return {
    id: user.id,
    displayName: user.displayName?.trim() || user.userPrincipalName || user.id,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    jobTitle: user.jobTitle,
    department: user.department,
    officeLocation: user.officeLocation,
    city: user.city,
    country: user.country,
    preferredLanguage: user.preferredLanguage,
    employeeHireDate: user.employeeHireDate,
    managerId: user.manager?.id,
    accountEnabled: user.accountEnabled !== false,
    member: (user.userType ?? 'Member') === 'Member',
  };
}

/** Reads one delta item; undefined when it is malformed. */
export function readDeltaItem(value: unknown): DeltaItem | undefined {
  const parsed = deltaItemSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Applies a delta item to the person it changes (or creates them); undefined means removed. */
export function applyDelta(existing: DirectoryPerson | undefined, item: DeltaItem): DirectoryPerson | undefined {
  if (item['@removed']) return undefined;
  const managerDelta = item['manager@delta'];
  const managerId = managerDelta ? managerDelta.find((m) => !m['@removed'])?.id : existing?.managerId;
  const base: DirectoryPerson = existing ?? {
    id: item.id,
    displayName: item.id,
    userPrincipalName: undefined,
    mail: undefined,
    jobTitle: undefined,
    department: undefined,
    officeLocation: undefined,
    city: undefined,
    country: undefined,
    preferredLanguage: undefined,
    employeeHireDate: undefined,
    managerId: undefined,
    accountEnabled: true,
    member: true,
  };
  const pickText = (key: keyof DirectoryPerson & keyof DeltaItem) => (key in item ? ((item[key] as string | undefined) ?? undefined) : (base[key] as string | undefined));
  return {
    ...base,
    displayName: item.displayName?.trim() || base.displayName,
    userPrincipalName: pickText('userPrincipalName'),
    mail: pickText('mail'),
    jobTitle: pickText('jobTitle'),
    department: pickText('department'),
    officeLocation: pickText('officeLocation'),
    city: pickText('city'),
    country: pickText('country'),
    preferredLanguage: pickText('preferredLanguage'),
    employeeHireDate: pickText('employeeHireDate'),
    managerId,
    accountEnabled: 'accountEnabled' in item ? item.accountEnabled !== false : base.accountEnabled,
    member: 'userType' in item ? (item.userType ?? 'Member') === 'Member' : base.member,
  };
}
