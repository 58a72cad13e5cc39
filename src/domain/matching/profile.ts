/** A topic people can teach or want to learn. */
export interface Topic {
  readonly id: string;
  readonly label: string;
}

/** The programme's catalogue of topics (people may add their own words besides). */
export const TOPIC_CATALOGUE: readonly Topic[] = [
  { id: 'generative-ai', label: 'generative AI' },
  { id: 'social-media', label: 'social media' },
  { id: 'gaming', label: 'gaming' },
  { id: 'younger-customers', label: 'younger customers' },
  { id: 'inclusion', label: 'inclusion and belonging' },
  { id: 'new-tools', label: 'new tools at work' },
  { id: 'creator-economy', label: 'the creator economy' },
  { id: 'sustainability', label: 'sustainability' },
  { id: 'hybrid-work', label: 'hybrid and remote work' },
  { id: 'mobile-first', label: 'mobile-first habits' },
];

/** Someone's opt-in to the programme: as a reverse mentor, a mentee, or both. */
export interface ProgrammeProfile {
  readonly personId: string;
  readonly mentor?: {
    /** How many executives they can take, 1–3. */
    readonly capacity: number;
    readonly canTeach: readonly string[];
  };
  readonly mentee?: {
    readonly wantsToLearn: readonly string[];
  };
  /** Primary language subtags, e.g. ["en", "es"]. */
  readonly languages: readonly string[];
  /** IANA time zone, e.g. "Europe/London". */
  readonly timeZone: string;
  /**
   * The day they take part again (YYYY-MM-DD), when they paused: before it no one is suggested or
   * proposed to them or for them, and no one may ask them; their current pairings carry on.
   */
  readonly pausedUntil?: string;
}
