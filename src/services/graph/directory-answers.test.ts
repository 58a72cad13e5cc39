import { describe, expect, it } from 'vitest';
import { latestDeltaSchema, meUserTypeSchema, userCountSchema, userDeltaPageSchema, usersPageSchema } from './directory-answers';

/** Example 1's answer on https://learn.microsoft.com/graph/api/user-delta. */
const DOCUMENTED_DELTA_PAGE = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
  '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users/delta?$skiptoken=pqwSUjGYvb3jQpbwVAwEL7yuI3dU1LecfkkfLPtnIjsXoYQp_dpA3cNJWc',
  value: [
    {
      businessPhones: ['businessPhones-value'],
      displayName: 'displayName-value',
      givenName: 'givenName-value',
      jobTitle: 'jobTitle-value',
      mail: 'mail-value',
      mobilePhone: 'mobilePhone-value',
      officeLocation: 'officeLocation-value',
      preferredLanguage: 'preferredLanguage-value',
      surname: 'surname-value',
      userPrincipalName: 'userPrincipalName-value',
      id: 'id-value',
    },
  ],
};

/** The `$count` answer in the example on https://learn.microsoft.com/graph/json-batching (request 5). */
const DOCUMENTED_COUNT = {
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#users(id,displayName,userPrincipalName)',
  '@odata.count': 36,
  value: [{ id: '10a1d484-cd1a-4162-a5a4-832370bac356', displayName: 'Lynne Robbins', userPrincipalName: 'LynneR@contoso.com' }],
};

/** Example 1's answer on https://learn.microsoft.com/graph/api/user-get (the signed-in user). */
const DOCUMENTED_ME = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
  businessPhones: ['+1 412 555 0109'],
  displayName: 'Megan Bowen',
  givenName: 'Megan',
  jobTitle: 'Auditor',
  mail: 'MeganB@contoso.com',
  mobilePhone: null,
  officeLocation: '12/1110',
  preferredLanguage: 'en-US',
  surname: 'Bowen',
  userPrincipalName: 'MeganB@contoso.com',
  id: '48d31887-5fad-4d73-a9f5-3c356e68a038',
};

describe("the directory's Graph answers", () => {
  it('accept the documented examples', () => {
    expect(userDeltaPageSchema.safeParse(DOCUMENTED_DELTA_PAGE).success).toBe(true);
    expect(usersPageSchema.safeParse(DOCUMENTED_DELTA_PAGE).success).toBe(true);
    expect(userCountSchema.safeParse(DOCUMENTED_COUNT).success).toBe(true);
    expect(meUserTypeSchema.safeParse(DOCUMENTED_ME).success).toBe(true);
    expect(meUserTypeSchema.parse({ ...DOCUMENTED_ME, userType: 'Guest' }).userType).toBe('Guest');
    // https://learn.microsoft.com/graph/delta-query-overview: `$deltatoken=latest` answers an empty page and the deltaLink.
    const latest = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', '@odata.deltaLink': 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc', value: [] };
    expect(latestDeltaSchema.safeParse(latest).success).toBe(true);
    expect(userDeltaPageSchema.safeParse(latest).success).toBe(true);
  });

  it('reject malformed answers', () => {
    expect(userDeltaPageSchema.safeParse({ ...DOCUMENTED_DELTA_PAGE, value: undefined }).success).toBe(false);
    expect(userDeltaPageSchema.safeParse({ ...DOCUMENTED_DELTA_PAGE, '@odata.nextLink': 42 }).success).toBe(false);
    expect(usersPageSchema.safeParse({ value: {} }).success).toBe(false);
    expect(userCountSchema.safeParse({ ...DOCUMENTED_COUNT, '@odata.count': '36' }).success).toBe(false);
    expect(userCountSchema.safeParse({ value: [] }).success).toBe(false);
    expect(latestDeltaSchema.safeParse({ value: [] }).success).toBe(false);
    expect(latestDeltaSchema.safeParse({ '@odata.deltaLink': '' }).success).toBe(false);
    expect(meUserTypeSchema.safeParse({ ...DOCUMENTED_ME, userType: 7 }).success).toBe(false);
  });
});
