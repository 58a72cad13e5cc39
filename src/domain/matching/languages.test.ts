import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES, languageCode, sortStoredLanguages } from './languages';

describe('language codes', () => {
  it('reads a BCP 47 tag as its primary subtag, and free text as no code', () => {
    expect(languageCode('pt-BR')).toBe('pt');
    expect(languageCode(' EN ')).toBe('en');
    expect(languageCode('yo')).toBe('yo');
    expect(languageCode('English')).toBeUndefined();
    expect(languageCode('some Spanish')).toBeUndefined();
    expect(languageCode('')).toBeUndefined();
  });

  it('offers only valid codes, each once', () => {
    for (const code of LANGUAGE_CODES) expect(languageCode(code)).toBe(code);
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
  });

  it('keeps stored free text apart from codes, never dropping it', () => {
    expect(sortStoredLanguages(['en', 'es-MX', 'English', 'en, yo', 'fluent in français'])).toEqual({
      codes: ['en', 'es', 'yo'],
      unrecognised: ['English', 'fluent in français'],
    });
  });
});
