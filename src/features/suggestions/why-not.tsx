import { Body1, Button, Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { wordWhyNot } from '@/components/matching-words';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * "Why not this person?": pick anyone and read, in words, what stands between you (or that they are
 * among the suggestions `shown` already); ask them if nothing does.
 */
export function WhyNot({ onAsk, busy, shown }: { onAsk: (mentorId: string) => void; busy: boolean; shown: readonly string[] }) {
  const { user } = useServices();
  const { people, matcher } = useProgramme();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    return [...people.values()].filter((p) => p.id !== user.id && p.displayName.toLowerCase().includes(q)).slice(0, 8);
  }, [people, query, user.id]);
  const reasons = chosen && matcher ? matcher.whyNot(user.id, chosen) : [];
  const person = chosen ? people.get(chosen) : undefined;
  return (
    <>
      <Field label="Why not someone else? Look them up">
        <Combobox
          placeholder="Type a name"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
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
      {person && (
        <Body1 role="status">
          {wordWhyNot(reasons, { kind: 'executive', nameOf: (id) => people.get(id)?.displayName ?? id }, { menteeId: user.id, mentorId: person.id }, { shown: shown.includes(person.id) })}
        </Body1>
      )}
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
