/** The theme the host shows; the app follows it. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Which application the app runs in. `Browser` means opened directly, outside any host. */
export type HostApp = 'Teams' | 'Outlook' | 'Microsoft 365' | 'Browser';

/**
 * Where a surface is shown, as the host says (`context.page.frameContext`): `content` for a
 * personal tab and for the meeting chat and details tabs, `sidePanel` during a meeting,
 * `meetingStage` when shared to stage, `settings` for the configuration page.
 */
export type FrameContext = 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'remove' | 'task';

/** The signed-in person as the host knows them (absent for anonymous meeting guests). */
export interface HostUser {
  readonly id: string;
  readonly displayName: string | undefined;
  readonly userPrincipalName: string | undefined;
  readonly tenantId: string | undefined;
}

/** What the host tells the app when it starts. */
export interface HostContext {
  readonly app: HostApp;
  /** True inside Teams, Outlook or the Microsoft 365 app (or the dev host that plays them). */
  readonly embedded: boolean;
  readonly clientType: string;
  readonly frameContext: FrameContext;
  readonly theme: ThemeName;
  /** BCP 47 language tag, e.g. `en-gb`. */
  readonly locale: string;
  /** IANA time zone of the device, e.g. `Europe/London`. */
  readonly timeZone: string;
  readonly user: HostUser | undefined;
  readonly meetingId: string | undefined;
  readonly chatId: string | undefined;
  /** The tab's entity id (`entityId` saved by the configuration page or from the manifest). */
  readonly pageId: string | undefined;
  /**
   * The place inside the tab a deep link asked for (its context's `subEntityId`, which teams-js gives as
   * `context.page.subPageId`): a notification opens the personal tab at the card that shows it.
   */
  readonly subPageId: string | undefined;
}

/** What the configuration page saves (teams-js `pages.config.setConfig`). */
export interface TabConfig {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

/** The configuration page's side of the host; only present in the `settings` frame. */
export interface TabConfigHost {
  /** Enables or disables the host's Save button. */
  setValid(valid: boolean): void;
  /** Called when the user presses Save; resolve with the tab to create, or reject to keep the dialog open. */
  onSave(handler: () => Promise<TabConfig>): void;
}

/** The port to Teams, Outlook, the Microsoft 365 app, the dev host, or a plain browser tab. */
export interface Host {
  readonly context: HostContext;
  /** Subscribes to the host's theme changes; returns an unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  /**
   * Tells the host the surface can show something (teams-js `app.notifySuccess()`, which hides the
   * host's loading indicator). Called as soon as the first screen is on the page, never after sign-in.
   */
  notifyReady(): void;
  /** Tells the host the app could not start. */
  notifyFailure(message: string): void;
  readonly tabConfig: TabConfigHost | undefined;
  /**
   * The host recommends nested app authentication (teams-js `nestedAppAuth.isNAAChannelRecommended()`,
   * read after `app.initialize()`); false in a browser and in hosts that do not offer it.
   */
  readonly nestedAppAuthRecommended: boolean;
}
