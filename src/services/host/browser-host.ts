import type { Host, ThemeName } from './host';

/** Reads the colour scheme the browser asks for (forced colours count as high contrast). */
function themeFromMedia(view: Window): ThemeName {
  if (view.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The host when the app is opened directly in a browser: theme and locale from the browser. */
export function createBrowserHost(view: Window = window): Host {
  const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map((q) => view.matchMedia(q));
  return {
    context: {
      app: 'Browser',
      embedded: false,
      clientType: 'web',
      frameContext: 'content',
      theme: themeFromMedia(view),
      locale: view.navigator.language || 'en-US',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      user: undefined,
      meetingId: undefined,
      chatId: undefined,
      pageId: undefined,
      // Opened directly (a notification's link on the web, or by hand): `?subPageId=requests`.
      subPageId: new URLSearchParams(view.location?.search ?? '').get('subPageId') ?? undefined,
    },
    onThemeChange(listener) {
      const onChange = () => listener(themeFromMedia(view));
      queries.forEach((query) => query.addEventListener('change', onChange));
      return () => queries.forEach((query) => query.removeEventListener('change', onChange));
    },
    notifyReady() {},
    notifyFailure() {},
    tabConfig: undefined,
    nestedAppAuthRecommended: false,
  };
}
