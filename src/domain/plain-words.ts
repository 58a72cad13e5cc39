/**
 * An error the app wrote for people to read: it says what happened and what to do, so the UI
 * shows its message as it is. Any other error's message (Graph's, MSAL's, the network's) is never
 * shown; the UI words it instead (components/failure-words.ts).
 */
export class PlainWordsError extends Error {
  override readonly name = 'PlainWordsError';
}
