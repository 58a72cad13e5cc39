/**
 * The app's Teams activity-feed notification types: the one list the app package's manifest
 * (`activities.activityTypes`, checked by the packager) and the app's notifications are made from,
 * so the app never sends a type its manifest does not declare. "Send activity feed notifications to
 * users in Microsoft Teams" (https://learn.microsoft.com/graph/teams-send-activityfeednotifications,
 * "Activities update"): `type` unique in the manifest, `description` shown in the person's
 * notification settings, `templateText` with parameters in braces, `{actor}` always the caller's
 * name in delegated calls. The manifest schema (v1.30) allows at most 64, 128 and 128 characters.
 * The reserved `systemDefault` type must not be declared (and the app does not use it: its
 * free-form text cannot be localised and a person can only switch all of them off at once).
 */

/** One activity type as the manifest declares it. */
export interface ActivityType {
  readonly type: string;
  readonly description: string;
  readonly templateText: string;
}

/** The manifest's `activities.activityTypes`, in its order. Template texts take no parameters but `{actor}`. */
export const ACTIVITY_TYPES = [
  { type: 'pairRequested', description: 'An executive asks you to be their reverse mentor', templateText: '{actor} asked you to be their reverse mentor' },
  { type: 'requestAccepted', description: 'Your reverse mentor accepts your request', templateText: '{actor} accepted your request to pair' },
  { type: 'requestDeclined', description: 'A reverse mentor declines your request', templateText: '{actor} declined your request to pair' },
  { type: 'sessionsBooked', description: 'Your executive books your sessions', templateText: '{actor} booked your reverse mentoring sessions' },
  { type: 'timeProposed', description: 'Your partner proposes a time for your sessions', templateText: '{actor} proposed a time for your sessions' },
  { type: 'pairProposed', description: 'The programme proposes a partner for you', templateText: '{actor} proposed a reverse mentoring partner for you' },
  { type: 'sessionsNudged', description: 'The programme reminds your pair to meet', templateText: '{actor} reminded you of your reverse mentoring sessions' },
] as const satisfies readonly ActivityType[];

/** The name of a declared activity type. */
export type ActivityTypeName = (typeof ACTIVITY_TYPES)[number]['type'];
