/**
 * The shapes of Graph's answers the directory loader reads (the users in them are read one by one
 * by graph-user.ts, so one malformed person is skipped, not fatal). Each schema requires what the
 * loader reads and ignores the properties Graph adds over time.
 */
import { z } from 'zod';

/**
 * A page of `/users`: the users, and a link to the next page while there is one
 * (https://learn.microsoft.com/graph/api/user-list, https://learn.microsoft.com/graph/paging).
 */
export const usersPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

/**
 * `/users?$count=true&$top=1` with `ConsistencyLevel: eventual`: how many users match the filter
 * (https://learn.microsoft.com/graph/api/user-list, "Get only a count of users" and `$count`;
 * https://learn.microsoft.com/graph/aad-advanced-queries).
 */
export const userCountSchema = z.object({
  '@odata.count': z.number().int().min(0),
});

/**
 * A page of `/users/delta`: changed users, then either a nextLink or, on the last page, the
 * deltaLink for next time (https://learn.microsoft.com/graph/api/user-delta). With
 * `$deltatoken=latest` the first answer is only the deltaLink.
 */
export const userDeltaPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

/**
 * The first `/users/delta?$deltatoken=latest` answer: no users, only the deltaLink the loader keeps
 * (https://learn.microsoft.com/graph/delta-query-overview, "Use $deltatoken=latest").
 */
export const latestDeltaSchema = z.object({
  '@odata.deltaLink': z.string().min(1),
});

/**
 * `GET /me?$select=id,userType`: whether the signed-in person is a member or a guest
 * (https://learn.microsoft.com/graph/api/user-get, https://learn.microsoft.com/graph/api/resources/user).
 */
export const meUserTypeSchema = z.object({
  id: z.string(),
  userType: z.string().nullish(),
});
