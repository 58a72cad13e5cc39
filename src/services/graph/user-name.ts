/**
 * A person's display name by their directory id, for a surface that shows someone it has not
 * loaded the directory for (the meeting tab's partner): one `GET /users/{id}` with `$select`
 * (https://learn.microsoft.com/graph/api/user-get).
 */
import { z } from 'zod';
import type { GraphClient } from './graph-client';

/** The directory permission the read needs (the basic profile would do; the app holds User.Read.All for the org chart). */
export const USER_NAME_SCOPES = ['User.Read.All'] as const;

const answerSchema = z.object({ displayName: z.string().nullish() });

/** The person's display name; undefined when the directory gives none. Graph's errors are thrown as they come. */
export async function readDisplayName(client: GraphClient, personId: string): Promise<string | undefined> {
  const answer = await client.get<unknown>(`/users/${encodeURIComponent(personId)}?$select=id,displayName`, USER_NAME_SCOPES);
  const parsed = answerSchema.safeParse(answer);
  return (parsed.success ? parsed.data.displayName?.trim() : undefined) || undefined;
}
