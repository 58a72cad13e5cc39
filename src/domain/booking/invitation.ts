/**
 * The text of a pair's meeting invitation. Graph takes an HTML body; every piece of text that
 * comes from people (names, the programme name) is escaped, so it is shown, never interpreted.
 */

/** Text made safe to place inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** What an invitation says about the pair: their names, the programme, and the link to their workspace. */
export interface Invitation {
  readonly executiveName: string;
  readonly mentorName: string;
  readonly programmeName: string;
  /** The pair workspace's web link; only http(s) links are used. */
  readonly workspaceUrl: string;
}

/** The series' subject: plain text (Graph does not interpret it). */
export function invitationSubject(invitation: Invitation): string {
  return `${invitation.programmeName}: ${invitation.executiveName} and ${invitation.mentorName}`;
}

/** The series' HTML body: what the sessions are for, the workspace, and what to do first. */
export function invitationBody(invitation: Invitation): string {
  const url = /^https?:\/\//i.test(invitation.workspaceUrl) ? invitation.workspaceUrl : '';
  const e = escapeHtml;
  return [
    `<p>${e(invitation.mentorName)} is reverse mentoring ${e(invitation.executiveName)} in ${e(invitation.programmeName)}.</p>`,
    `<p>In the first session, agree together what you each want from the pairing, your goals, and a code of conduct (confidentiality, candour, how to give feedback). The meeting side panel in Teams holds your shared agenda.</p>`,
    url ? `<p>Your pair workspace, private to the two of you: <a href="${e(url)}">open the pair workspace</a>.</p>` : '',
    `<p>If this time stops working, either of you can propose another from the app.</p>`,
  ].join('');
}
