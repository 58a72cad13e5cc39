/**
 * The Teams meeting of each booked series, as the signed-in person's own calendar has it: the
 * organiser's event and the attendee's copy share the series' iCalUId
 * (https://learn.microsoft.com/graph/api/resources/event, iCalUId), and both carry the meeting's
 * join URL (`onlineMeeting.joinUrl`). One $batch for all of a person's series; a series that cannot
 * be read is simply not known (the caller then goes by the tab's link alone).
 */
import { z } from 'zod';
import type { MeetingIdentity } from '@/domain/booking/meeting-pair';
import type { GraphClient } from '../graph/graph-client';
import { CALENDAR_SCOPES } from './schedule-reader';

/**
 * A series found by its iCalUId, `$select=id,iCalUId,onlineMeeting`: the meeting's join URL
 * (https://learn.microsoft.com/graph/api/user-list-events, https://learn.microsoft.com/graph/api/resources/event).
 * An answer of another shape is read as "not known", like any answer that is not 200.
 */
export const seriesMeetingEventsSchema = z.object({
  value: z.array(z.object({ iCalUId: z.string().optional(), onlineMeeting: z.object({ joinUrl: z.string().max(2048).optional() }).nullish() })),
});

/** iCalUId → the meeting of that series in this person's calendar, for the series found there. */
export async function seriesMeetings(client: GraphClient, iCalUIds: readonly string[]): Promise<Map<string, MeetingIdentity>> {
  const found = new Map<string, MeetingIdentity>();
  const unique = [...new Set(iCalUIds.filter((uid) => uid !== ''))];
  if (unique.length === 0) return found;
  const answers = await client.batch(
    unique.map((uid, index) => ({
      id: String(index),
      url: `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${uid.replace(/'/g, "''")}'`)}&$select=id,iCalUId,onlineMeeting&$top=1`,
    })),
    CALENDAR_SCOPES,
  );
  for (const answer of answers) {
    const uid = unique[Number(answer.id)];
    if (uid === undefined || answer.status !== 200) continue;
    const parsed = seriesMeetingEventsSchema.safeParse(answer.body);
    const joinUrl = parsed.success ? parsed.data.value[0]?.onlineMeeting?.joinUrl : undefined;
    if (joinUrl) found.set(uid, { joinUrl, iCalUId: uid });
  }
  return found;
}
