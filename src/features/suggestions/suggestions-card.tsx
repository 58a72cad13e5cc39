import { Body1, Button, Card, Combobox, Field, makeStyles, MessageBar, MessageBarBody, Option, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { wordReason, wordWhyNobody, wordWhyNot, type Reader } from '@/components/matching-words';
import { namesApart } from '@/components/names-apart';
import { OwnWords } from '@/components/own-words';
import { PersonLine } from '@/components/person-line';
import { useProgramme } from '@/context/programme-context';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useSuggestions } from './use-suggestions';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const PAGE = 3;

/**
 * "Why not this person?": pick anyone and read, in words, what stands between you (or that they are
 * among the suggestions `shown` already); ask them if nothing does.
 */
function WhyNot({ onAsk, busy, shown }: { onAsk: (mentorId: string) => void; busy: boolean; shown: readonly string[] }) {
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

/** An executive's suggested reverse mentors, with reasons, and asking one to pair. */
export function SuggestionsCard() {
  const styles = useStyles();
  const { host, user } = useServices();
  const { me, matcher, people, request: state, booked, busy, error, ask, profileOf, page } = useSuggestions();
  const [offset, setOffset] = useState(0);

  if (!me?.mentee) return null;
  if (!matcher) {
    return (
      <SectionCard title="Suggested reverse mentors">
        <Spinner size="tiny" label="Finding reverse mentors for you…" />
      </SectionCard>
    );
  }
  const nameOf = (id: string) => people.get(id)?.displayName ?? 'your reverse mentor';
  const reader: Reader = { kind: 'executive', nameOf };

  if (state.kind === 'pending' || state.kind === 'accepted') {
    return (
      <SectionCard title={state.kind === 'accepted' ? 'Your reverse mentor' : 'Your request'}>
        <PersonLine person={people.get(state.mentorId)} fallbackName={nameOf(state.mentorId)} timeZone={profileOf(state.mentorId)?.timeZone} locale={host.context.locale} />
        <OwnWords profile={profileOf(state.mentorId)} side="mentor" />
        {/* Once booked, "Your pairing" leads with the sessions: nothing left to say here. */}
        {!booked && (
          <Body1 role="status">
            {state.kind === 'accepted' ? `${nameOf(state.mentorId)} accepted. Book your sessions below.` : `You asked ${nameOf(state.mentorId)} to pair. Waiting for their answer.`}
          </Body1>
        )}
        {state.kind === 'pending' && (
          <div className={styles.row}>
            <Button disabled={busy} onClick={() => void ask(undefined)}>
              Withdraw request
            </Button>
          </div>
        )}
      </SectionCard>
    );
  }

  const { suggestions, why, more } = page(PAGE, offset)!;
  // Two suggested mentors with one name are told apart by their role, department or office.
  const names = namesApart(suggestions.map((s) => ({ id: s.mentorId, person: people.get(s.mentorId), fallbackName: nameOf(s.mentorId) })));
  const nameApart = (id: string) => names.get(id) ?? nameOf(id);
  return (
    <SectionCard title="Suggested reverse mentors" wide>
      {state.kind === 'declined' && (
        <MessageBar intent="info">
          <MessageBarBody>{nameOf(state.mentorId)} cannot take you on this time. Ask someone else below.</MessageBarBody>
        </MessageBar>
      )}
      {/* The pairing's own card says it ended, and when: here, only what comes next. */}
      {state.kind === 'ended' && suggestions.length > 0 && <Body1>Ready for a new reverse mentor? Ask one of these people, or look someone up below.</Body1>}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {suggestions.length === 0 ? (
        <Body1>{offset > 0 || !why ? 'No more suggestions.' : wordWhyNobody(why, reader, user.id)}</Body1>
      ) : (
        <ul className={styles.list} aria-label="Suggested reverse mentors">
          {suggestions.map((s) => (
            <li key={s.mentorId}>
              <Card>
                <PersonLine person={people.get(s.mentorId)} fallbackName={nameOf(s.mentorId)} timeZone={profileOf(s.mentorId)?.timeZone} locale={host.context.locale} />
                <OwnWords profile={profileOf(s.mentorId)} side="mentor" />
                <ul className={styles.reasons} aria-label={`Why ${nameApart(s.mentorId)}`}>
                  {s.reasons
                    .map((reason) => wordReason(reason, reader, { menteeId: user.id, mentorId: s.mentorId }))
                    .map((words) => (
                      <li key={words}>
                        <Body1>{words}</Body1>
                      </li>
                    ))}
                </ul>
                <div className={styles.row}>
                  <Button appearance="primary" disabled={busy} onClick={() => void ask(s.mentorId)} aria-label={`Ask to pair with ${nameApart(s.mentorId)}`}>
                    Ask to pair
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        {offset > 0 && <Button onClick={() => setOffset(Math.max(0, offset - PAGE))}>Back</Button>}
        {more && <Button onClick={() => setOffset(offset + PAGE)}>Show me others</Button>}
      </div>
      <WhyNot busy={busy} onAsk={(id) => void ask(id)} shown={suggestions.map((s) => s.mentorId)} />
    </SectionCard>
  );
}
