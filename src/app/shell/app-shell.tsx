import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Host, ThemeName } from '@/services/host/host';

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Writing direction for a BCP 47 locale. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** Fluent UI with the host's theme, following the host's live theme changes. */
export function AppShell({ host, children }: { host: Pick<Host, 'context' | 'onThemeChange'>; children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeName>(host.context.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
    document.documentElement.lang = host.context.locale;
  }, [theme, host.context.locale]);
  return (
    <FluentProvider theme={THEMES[theme]} dir={directionOf(host.context.locale)} className="app-root">
      {children}
    </FluentProvider>
  );
}
