import { describe, expect, it } from 'vitest';
import { describeSmallOrganisation } from './organisation-card';

describe('an organisation too small to pair anyone', () => {
  it('says so in words for nobody and for one person, and nothing for two or more', () => {
    expect(describeSmallOrganisation(0)).toMatch(/^The app found nobody in your organisation who can take part yet/);
    expect(describeSmallOrganisation(1)).toBe('You are the only person in your organisation the app can see, so there is nobody to pair with yet.');
    expect(describeSmallOrganisation(2)).toBeUndefined();
  });
});
