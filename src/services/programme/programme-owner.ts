import { z } from 'zod';
import type { GraphClient } from '../graph/graph-client';
import { readAnswer } from '../graph/graph-errors';

/** Reading one's own group memberships; a programme owner is a member of the configured group. */
// "Group memberships for the signed-in user": User.Read is the least privileged, no admin consent
// (https://learn.microsoft.com/graph/api/user-checkmembergroups).
export const OWNER_SCOPES = ['User.Read'] as const;

/**
 * checkMemberGroups' answer: the ids, of those asked about, of the groups the person is in
 * (https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups).
 */
export const memberGroupsSchema = z.object({ value: z.array(z.string()) });

/**
 * Whether the signed-in person belongs (directly or through nested groups) to the programme
 * owners' Entra group, by `POST /me/checkMemberGroups`.
 * See https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups
 */
export async function isProgrammeOwner(client: GraphClient, ownerGroupId: string): Promise<boolean> {
  const answer = await client.write('POST', '/me/checkMemberGroups', OWNER_SCOPES, { groupIds: [ownerGroupId] });
  return readAnswer(memberGroupsSchema, answer, 'checking whether you own the programme').value.includes(ownerGroupId);
}
