import { Body1, Button, Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { wordWhyNot } from '@/components/matching-words';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import type { DirectoryPerson } from '@/services/graph/directory-person';

/** How many people the look-up lists; more than that asks for more of the name. */
const LISTED = 8;

/**
 * "Why not this person?": pick anyone and read, in words, what stands between you (or that they are
 * among the suggestions `shown` already); ask them if nothing does. The answer, or that nobody
 * matches, or that only the first few are listed, is announced right under the field.
 */
export function WhyNot({ onAsk, busy, shown }: { onAsk: (mentorId: string) => void; busy: boolean; shown: readonly string[] }) {
  const { user } = useServices();
  const { people, matcher } = useProgramme();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const typed = query.trim();
  // One more than is listed, to know whether there are more.
  const found = useMemo(() => {
    const q = typed.toLowerCase();
    if (q.length < 2) return [];
    const all: DirectoryPerson[] = [];
    for (const p of people.values()) {
      if (p.id !== user.id && p.displayName.toLowerCase().includes(q)) all.push(p);
      if (all.length > LISTED) break;
    }
    return all;
  }, [people, typed, user.id]);
  const matches = found.slice(0, LISTED);
  const reasons = chosen && matcher ? matcher.whyNot(user.id, chosen) : [];
  const person = chosen ? people.get(chosen) : undefined;
  const answer = useRef<HTMLDivElement>(null);
  // The answer can fall below the fold of a long card: bring it into view once someone is chosen.
  useEffect(() => {
    if (chosen) answer.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [chosen]);
  const note = person
    ? wordWhyNot(reasons, { kind: 'executive', nameOf: (id) => people.get(id)?.displayName ?? id }, { menteeId: user.id, mentorId: person.id }, { shown: shown.includes(person.id) })
    : typed.length >= 2 && found.length === 0
      ? `Nobody in your organisation matches “${typed}”.`
      : found.length > LISTED
        ? `Showing the first ${LISTED}; type more of the name.`
        : '';
  return (
    <>
      <Field label="Why not someone else? Look them up">
        <Combobox
          placeholder="Type a name"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosen(undefined);
          }}
          onOptionSelect={(_, data) => {
            setChosen(data.optionValue);
            setQuery(data.optionText ?? '');
          }}
        >
          {matches.map((p) => {
            // Names repeat in large organisations: the role tells people apart, and the office where the role does not.
            const role = [p.displayName, p.jobTitle, p.department].filter(Boolean).join(' · ');
            const alike = matches.some((o) => o.id !== p.id && [o.displayName, o.jobTitle, o.department].filter(Boolean).join(' · ') === role);
            const place = alike ? (p.officeLocation ?? p.city ?? p.country) : undefined;
            return (
              <Option key={p.id} value={p.id} text={p.displayName}>
                {[role, place].filter(Boolean).join(' · ')}
              </Option>
            );
          })}
        </Combobox>
      </Field>
      {/* Always there, so screen readers announce what changes in it. */}
      <div ref={answer} role="status">
        {note && <Body1>{note}</Body1>}
      </div>
      {person && reasons.length === 0 && (
        <div>
          <Button disabled={busy} onClick={() => onAsk(person.id)}>
            Ask {person.displayName} to pair
          </Button>
        </div>
      )}
    </>
  );
}
