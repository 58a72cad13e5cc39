/**
 * The agenda's limits, one source of truth: the domain refuses writes past them, the UI counts
 * towards them where people type, and the reader (services/agenda/agenda-schema.ts) accepts
 * everything the domain can write (and, for text, what earlier versions let people write).
 */
export const AGENDA_LIMITS = {
  /** An agenda item's text (one line, wrapped in the panel). */
  itemText: 300,
  /** Notes, goals, code of conduct, expectations. */
  text: 4000,
  /**
   * The longest text the reader accepts: earlier versions let people type past {@link AGENDA_LIMITS.text};
   * what they typed still loads (and must be shortened before it is edited).
   */
  readText: 100_000,
  /** "One thing I learnt" in a review. */
  learnt: 500,
  /** Item ids, people, clients (devices or surfaces), the item being discussed. */
  id: 80,
  /** A version vector's key: a client, or a client whose counter reached {@link AGENDA_LIMITS.time} and counts on as `client/n`. */
  clockKey: 100,
  /** A session's date, YYYY-MM-DD. */
  session: 10,
  /** The longest position key the reader accepts. */
  positionKey: 200,
  /** A move whose new key would be longer than this rewrites every item's position with short keys instead. */
  positionRebalanceAt: 50,
  /** Lamport times and version-vector counters saturate here instead of overflowing. */
  time: Number.MAX_SAFE_INTEGER,
} as const;
