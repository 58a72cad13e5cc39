/**
 * The languages people choose from in their profile: BCP 47 primary language subtags, which is
 * what the matcher compares (engine.ts matches by primary subtag). Names are not kept here: the
 * reader's locale names them (Intl.DisplayNames), so the list is the same in every language.
 */
export const LANGUAGE_CODES: readonly string[] = [
  'af',
  'am',
  'ar',
  'az',
  'be',
  'bg',
  'bn',
  'bs',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'eu',
  'fa',
  'fi',
  'fil',
  'fr',
  'ga',
  'gl',
  'gu',
  'ha',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'ig',
  'is',
  'it',
  'ja',
  'jv',
  'ka',
  'kk',
  'km',
  'kn',
  'ko',
  'ky',
  'lo',
  'lt',
  'lv',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'mt',
  'my',
  'nb',
  'ne',
  'nl',
  'pa',
  'pl',
  'ps',
  'pt',
  'ro',
  'ru',
  'si',
  'sk',
  'sl',
  'so',
  'sq',
  'sr',
  'sv',
  'sw',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'xh',
  'yo',
  'zh',
  'zu',
];

/**
 * The primary language subtag of a BCP 47 tag, lower case ("pt-BR" → "pt", " EN " → "en"), or
 * undefined when the text is not a well-formed language tag (free text such as "English, some Spanish").
 */
export function languageCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    const primary = canonical?.split('-')[0]?.toLowerCase();
    return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
  } catch {
    return undefined;
  }
}

/** What someone has stored as their languages, sorted into codes the list offers and the rest. */
export interface StoredLanguages {
  /** Language codes (primary subtags), once each, in the order they were stored. */
  readonly codes: readonly string[];
  /** What was stored but is no language tag, exactly as written, so it can be shown and removed, never dropped unseen. */
  readonly unrecognised: readonly string[];
}

/**
 * Sorts stored languages (earlier profiles took free text: "en, es", "English") into valid codes
 * and what is not recognised. A stored entry holding several words separated by commas or spaces
 * is split first, as the old form split them on saving.
 */
export function sortStoredLanguages(stored: readonly string[]): StoredLanguages {
  const codes: string[] = [];
  const unrecognised: string[] = [];
  for (const entry of stored) {
    const parts = entry.split(/[,;\s]+/).filter(Boolean);
    const parsed = parts.map(languageCode);
    if (parts.length > 0 && parsed.every((code) => code !== undefined)) {
      for (const code of parsed as string[]) if (!codes.includes(code)) codes.push(code);
    } else if (entry.trim() && !unrecognised.includes(entry.trim())) {
      unrecognised.push(entry.trim());
    }
  }
  return { codes, unrecognised };
}
