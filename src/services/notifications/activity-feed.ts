/**
 * Teams activity-feed notifications, sent as the signed-in person (delegated): "userTeamwork:
 * sendActivityNotification" (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification),
 * with the requirements of "Send activity feed notifications to users in Microsoft Teams"
 * (https://learn.microsoft.com/graph/teams-send-activityfeednotifications):
 * - `POST /users/{id}/teamwork/sendActivityNotification`, least privileged delegated permission
 *   `TeamsActivity.Send`; the recipient is the user in the URL (no `recipient` in the body, unlike
 *   the chat and team variants); 204 No Content.
 * - The body: `topic`, `activityType` (declared in the manifest), `previewText` (Teams shows its first
 *   150 characters), `templateParameters` (the template's variables; the app's templates have only
 *   `{actor}`, which Teams fills with the sender's name). The topic is `source: 'text'` with a
 *   `webUrl`, which "must start with the Microsoft Teams domain": a deep link to the personal tab
 *   (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application,
 *   `https://teams.microsoft.com/l/entity/{appId}/{entityId}?context={"subEntityId":…}`), which the
 *   tab reads back as `context.page.subPageId`. An `entityUrl` topic would need the recipient's
 *   installation id, one more read and one more permission.
 * - The app must be installed for the recipient, and a person cannot notify themselves.
 * - Teams refuses a `webUrl` longer than 1,024 characters with 400 (undocumented; reported in
 *   Microsoft's Tech Community, "Activity Feed Notifications Fail Due to WebUrl Length Limit"): the
 *   link carries only a short place name.
 * Throttling follows the Teams service limits (https://learn.microsoft.com/graph/throttling-limits);
 * the Graph client retries 429 and 503 as it does for every request.
 */
import { z } from 'zod';
import type { ActivityTypeName } from '@/services/config/activity-types';
import type { GraphClient } from '@/services/graph/graph-client';
import { readAnswer } from '@/services/graph/graph-errors';

/** The least-privileged delegated permission for sending a notification to a user. */
export const ACTIVITY_SCOPES = ['TeamsActivity.Send'] as const;

/** Where a notification's `webUrl` must point (the page's "webUrl must start with the Microsoft Teams domain"). */
export const TEAMS_WEB = 'https://teams.microsoft.com';
/** The personal tab's `entityId` in the manifest (`staticTabs[0]`). */
export const HOME_ENTITY_ID = 'home';
/** Longest `webUrl` Teams takes (see the module comment). */
export const MAX_WEB_URL_LENGTH = 1024;
/** How much of the preview Teams shows. */
export const PREVIEW_LENGTH = 150;

/** The app as a deep link names it: the manifest's id and, in a tenant, the tenant's id. */
export interface PersonalTabApp {
  readonly teamsAppId: string;
  readonly tenantId?: string | undefined;
}

/** The deep link that opens the personal tab with `subPageId` (the tab reads it as `context.page.subPageId`). */
export function personalTabLink(app: PersonalTabApp, subPageId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: subPageId }));
  const tenant = app.tenantId ? `&tenantId=${encodeURIComponent(app.tenantId)}` : '';
  return `${TEAMS_WEB}/l/entity/${encodeURIComponent(app.teamsAppId)}/${HOME_ENTITY_ID}?context=${context}${tenant}`;
}

/** One notification to one person. */
export interface ActivityNotification {
  /** The recipient's directory id. */
  readonly recipientId: string;
  readonly activityType: ActivityTypeName;
  /** What the notification is about, shown as its location line (the programme's name). */
  readonly topic: string;
  /** Where selecting it takes the recipient: a {@link personalTabLink}. */
  readonly webUrl: string;
  /** One line under the title; never what a pair wrote. */
  readonly previewText: string;
}

/** The request body Graph documents for a user's notification with a text topic. */
export function activityNotificationBody(notification: ActivityNotification) {
  return {
    topic: { source: 'text', value: notification.topic, webUrl: notification.webUrl },
    activityType: notification.activityType,
    previewText: { content: notification.previewText.slice(0, PREVIEW_LENGTH) },
    templateParameters: [] as { name: string; value: string }[],
  };
}

/** 204 No Content: nothing, or an empty body. */
const noContent = z.union([z.undefined(), z.null(), z.literal('')]);

/**
 * Sends one activity-feed notification as the signed-in person. Throws the Graph client's errors
 * (a refused permission is a GraphPermissionError, as for any 403); the caller decides that a
 * notification that could not be sent never fails what the person did.
 */
export async function sendActivityNotification(client: GraphClient, notification: ActivityNotification): Promise<void> {
  const { webUrl } = notification;
  if (!webUrl.startsWith(`${TEAMS_WEB}/`) || webUrl.length > MAX_WEB_URL_LENGTH) {
    throw new Error(`A Teams notification can only link into Teams, in at most ${MAX_WEB_URL_LENGTH} characters; this link was not sent.`);
  }
  const answer = await client.write(
    'POST',
    `/users/${encodeURIComponent(notification.recipientId)}/teamwork/sendActivityNotification`,
    ACTIVITY_SCOPES,
    activityNotificationBody(notification),
  );
  readAnswer(noContent, answer, 'telling someone in Teams');
}
