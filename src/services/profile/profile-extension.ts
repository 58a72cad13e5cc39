/** The open extension that holds a person's opt-in profile (read by the app and the demo's fake Graph). */
export const PROFILE_EXTENSION = 'com.reversementoring.profile';
