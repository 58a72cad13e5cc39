/**
 * The app's own view of a pair's workspace (goals, code of conduct, past sessions and reviews): the
 * meeting tab's page opened on its own, in Teams or a browser. Never the workspace's JSON file.
 */
export const workspacePage = (origin: string, ref: string) => `${origin}/meeting-tab/?workspace=${encodeURIComponent(ref)}`;
