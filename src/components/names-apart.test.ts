import { describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import { namesApart } from './names-apart';

const person = (id: string, displayName: string, jobTitle: string, department: string, officeLocation: string) =>
  ({ id, displayName, jobTitle, department, officeLocation, city: undefined, country: undefined }) as unknown as DirectoryPerson;

describe('names apart', () => {
  it('leaves a unique name alone and tells namesakes apart by what differs', () => {
    const names = namesApart([
      { id: 'a', person: person('a', 'Aisha Bello', 'Social Media Associate', 'Marketing', 'Lagos'), fallbackName: '' },
      { id: 'b', person: person('b', 'Aisha Bello', 'Senior HR Business Partner', 'People', 'Lagos'), fallbackName: '' },
      { id: 'c', person: person('c', 'Diego Hernández', 'Graduate Software Engineer', 'Engineering', 'Mexico City'), fallbackName: '' },
    ]);
    expect(names.get('a')).toBe('Aisha Bello (Social Media Associate, Marketing)');
    expect(names.get('b')).toBe('Aisha Bello (Senior HR Business Partner, People)');
    expect(names.get('c')).toBe('Diego Hernández');
  });

  it('uses the office where role and department are the same', () => {
    const names = namesApart([
      { id: 'a', person: person('a', 'Lars Andersson', 'Analyst', 'Finance', 'Stockholm'), fallbackName: '' },
      { id: 'b', person: person('b', 'lars andersson', 'Analyst', 'Finance', 'London'), fallbackName: '' },
    ]);
    expect([names.get('a'), names.get('b')]).toEqual(['Lars Andersson (Stockholm)', 'lars andersson (London)']);
  });
});
