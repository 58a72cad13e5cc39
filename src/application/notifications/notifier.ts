/**
 * Telling people in Teams of what waits on them: a request to a reverse mentor, its answer, a
 * booking, a proposed time, a proposal from the programme's owners. Each notification opens the
 * personal tab at the card that shows it (services/notifications/activity-feed.ts sends it).
 *
 * A notification never fails what the person did: the request, answer or booking is saved before
 * anyone is told, and the {@link Notifier} never throws. When Teams cannot be used to tell people
 * (the permission is not granted, or the recipient does not have the app) the person is told once,
 * in one quiet line, not for every action.
 */
import type { ActivityTypeName } from '@/services/config/activity-types';
import type { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError } from '@/services/graph/graph-errors';
import { personalTabLink, sendActivityNotification, type PersonalTabApp } from '@/services/notifications/activity-feed';

/** What a person can be told of. */
export type NotificationKind = 'request' | 'accepted' | 'declined' | 'booked' | 'timeProposed' | 'proposal' | 'nudge';

/**
 * The personal tab's places a notification opens (the deep link's `subEntityId`, which the tab reads
 * as `context.page.subPageId` and brings into view).
 */
export type HomePlace = 'requests' | 'suggestions' | 'booking' | 'proposal';

/** How each kind is sent: its declared activity type, the card it opens and its one preview line. */
export const NOTIFICATIONS: Readonly<Record<NotificationKind, { readonly activityType: ActivityTypeName; readonly place: HomePlace; readonly preview: string }>> = {
  request: { activityType: 'pairRequested', place: 'requests', preview: 'See what they would like to learn, then accept or decline.' },
  accepted: { activityType: 'requestAccepted', place: 'booking', preview: 'Choose a time for your sessions.' },
  declined: { activityType: 'requestDeclined', place: 'suggestions', preview: 'You can ask another reverse mentor.' },
  booked: { activityType: 'sessionsBooked', place: 'booking', preview: 'The sessions are in your calendar; answer the invitation there or in the app.' },
  timeProposed: { activityType: 'timeProposed', place: 'booking', preview: 'Agree to the time, or choose another.' },
  proposal: { activityType: 'pairProposed', place: 'proposal', preview: 'See who and why, then accept or decline.' },
  nudge: { activityType: 'sessionsNudged', place: 'booking', preview: 'It has been a while since you met: check in for your last session, or pick a new time.' },
};

/**
 * What became of one notification: sent, not allowed (the permission or the recipient's app), failed
 * otherwise, or handed to the background (a tab does not keep the person waiting for Teams; a
 * refusal is still said once, through the notice).
 */
export type NotifyOutcome = 'sent' | 'notAllowed' | 'failed' | 'queued';

/** The port the use cases tell people through; it never throws. */
export interface Notifier {
  notify(kind: NotificationKind, recipientId: string): Promise<NotifyOutcome>;
}

/** A notifier that tells nobody (a surface without Teams notifications). */
export const SILENT_NOTIFIER: Notifier = { notify: () => Promise.resolve('notAllowed') };

/** The one line shown when Teams would not let the app tell people. */
export const NOT_TOLD_IN_TEAMS =
  'People are not told in Teams of what you do here: that needs the Microsoft Graph permission TeamsActivity.Send, and the app installed for them. ' +
  'Everything else works; they see it when they open the app. Your Microsoft 365 admin can grant it.';

/** The one line shown when a notification could not be sent for another reason. */
export const NOT_TOLD_NOW = 'Someone could not be told in Teams just now; they will see it when they open the app.';

/** What the activity-feed notifier needs: Graph as the sender, the app for its links, the programme for the topic, and where to say it once. */
export interface ActivityFeedNotifierOptions {
  /** Graph as the signed-in person (the sender: Teams shows their name as the actor). */
  readonly graph: () => Promise<GraphClient>;
  /** The app as its deep links name it. */
  readonly app: PersonalTabApp;
  /** The programme's name: each notification's topic line. */
  readonly programmeName: string;
  /** Told once per surface when people cannot be told in Teams, in words to show as one quiet line. */
  readonly onNotice?: (message: string) => void;
}

/**
 * The notifier over Teams' activity feed. The first refusal is reported once through `onNotice`. A
 * refused consent (the token itself, `consent_required`) stops it asking again, since every try
 * would ask the person to consent; Graph's 403 does not, since it may be one recipient without the
 * app. Other failures are reported once too, and never retried beyond the Graph client's own retries.
 */
export function activityFeedNotifier(options: ActivityFeedNotifierOptions): Notifier {
  const told = new Set<string>();
  let noConsent = false;
  const noticeOnce = (message: string) => {
    if (told.has(message)) return;
    told.add(message);
    options.onNotice?.(message);
  };
  return {
    async notify(kind, recipientId) {
      if (noConsent) return 'notAllowed';
      const { activityType, place, preview } = NOTIFICATIONS[kind];
      try {
        await sendActivityNotification(await options.graph(), {
          recipientId,
          activityType,
          topic: options.programmeName,
          webUrl: personalTabLink(options.app, place),
          previewText: preview,
        });
        return 'sent';
      } catch (error) {
        if (error instanceof GraphPermissionError) {
          if (error.code === 'consent_required') noConsent = true;
          noticeOnce(NOT_TOLD_IN_TEAMS);
          return 'notAllowed';
        }
        noticeOnce(NOT_TOLD_NOW);
        return 'failed';
      }
    },
  };
}

/** Reminds both people of a pair at risk (programme health) to meet: it opens their sessions, where they check in or reschedule. */
export async function notifyNudge(notifier: Notifier, pair: { readonly executiveId: string; readonly mentorId: string }): Promise<readonly NotifyOutcome[]> {
  return Promise.all([notifier.notify('nudge', pair.executiveId), notifier.notify('nudge', pair.mentorId)]);
}

/** Tells both people of a pair the programme's owners propose (each is asked to accept or decline). */
export async function notifyProposal(notifier: Notifier, pair: { readonly executiveId: string; readonly mentorId: string }): Promise<readonly NotifyOutcome[]> {
  return Promise.all([notifier.notify('proposal', pair.executiveId), notifier.notify('proposal', pair.mentorId)]);
}
