import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { wordMatchingClosed, wordReason, wordWhyNobody, type Reader } from '@/components/matching-words';
import { namesApart } from '@/components/names-apart';
import { OwnWords } from '@/components/own-words';
import { PersonLine } from '@/components/person-line';
import { CardActions, CardCell, SectionCard, Tile } from '@/components/section-card';
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

/** The look-up (Fluent's Combobox and its popup) loads once the suggestions show, not before them. */
const WhyNot = lazy(() => import('./why-not').then((m) => ({ default: m.WhyNot })));

/** An executive's suggested reverse mentors, with reasons, and asking one to pair. */
export function SuggestionsCard() {
  const styles = useStyles();
  const { host, user } = useServices();
  const { me, matcher, people, request: state, matching, mustEnd, booked, busy, error, ask, profileOf, page, refining } = useSuggestions();
  const [offset, setOffset] = useState(0);

  if (!me?.mentee) return null;
  if (!matcher) {
    return (
      <SectionCard title="Suggested reverse mentors" place="suggestions">
        <Spinner size="tiny" label="Finding reverse mentors for you…" />
      </SectionCard>
    );
  }
  const nameOf = (id: string) => people.get(id)?.displayName ?? 'your reverse mentor';
  const reader: Reader = { kind: 'executive', nameOf };

  // Once booked, "Your pairing" leads with the partner and the sessions: a card of the same person would only repeat it.
  if (state.kind === 'accepted' && booked) return null;
  if (state.kind === 'pending' || state.kind === 'accepted') {
    return (
      <SectionCard title={state.kind === 'accepted' ? 'Your reverse mentor' : 'Your request'} place="suggestions">
        <PersonLine person={people.get(state.mentorId)} fallbackName={nameOf(state.mentorId)} timeZone={profileOf(state.mentorId)?.timeZone} locale={host.context.locale} />
        <OwnWords profile={profileOf(state.mentorId)} side="mentor" />
        <Body1 role="status">
          {state.kind === 'accepted' ? `${nameOf(state.mentorId)} accepted. Book your sessions below.` : `You asked ${nameOf(state.mentorId)} to pair. Waiting for their answer.`}
        </Body1>
        {state.kind === 'pending' && (
          <CardActions>
            <Button disabled={busy} onClick={() => void ask(undefined)}>
              Withdraw request
            </Button>
          </CardActions>
        )}
      </SectionCard>
    );
  }

  const { suggestions, why, more } = page(PAGE, offset)!;
  // Two suggested mentors with one name are told apart by their role, department or office.
  const names = namesApart(suggestions.map((s) => ({ id: s.mentorId, person: people.get(s.mentorId), fallbackName: nameOf(s.mentorId) })));
  const nameApart = (id: string) => names.get(id) ?? nameOf(id);
  return (
    <SectionCard title="Suggested reverse mentors" wide place="suggestions">
      {state.kind === 'declined' && (
        <MessageBar intent="info">
          <MessageBarBody>
            {mustEnd
              ? `${nameOf(state.mentorId)} has left the pairing. End it under “Your sessions with ${nameOf(state.mentorId)}”; then you can ask someone else.`
              : `${nameOf(state.mentorId)} cannot take you on this time. Ask someone else below.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {!matching.open && (
        <MessageBar intent="info">
          <MessageBarBody>{wordMatchingClosed(matching)}</MessageBarBody>
        </MessageBar>
      )}
      {refining && (
        <Caption1>
          Still reading the programme’s profiles ({refining.read.toLocaleString(host.context.locale)} of {refining.total.toLocaleString(host.context.locale)}): these suggestions may still
          change.
        </Caption1>
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
            <CardCell key={s.mentorId}>
              <Tile>
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
                <CardActions>
                  <Button appearance="primary" disabled={busy || !matching.open || mustEnd} onClick={() => void ask(s.mentorId)} aria-label={`Ask to pair with ${nameApart(s.mentorId)}`}>
                    Ask to pair
                  </Button>
                </CardActions>
              </Tile>
            </CardCell>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        {offset > 0 && <Button onClick={() => setOffset(Math.max(0, offset - PAGE))}>Back</Button>}
        {more && <Button onClick={() => setOffset(offset + PAGE)}>Show me others</Button>}
      </div>
      <Suspense fallback={null}>
        <WhyNot busy={busy || !matching.open || mustEnd} onAsk={(id) => void ask(id)} shown={suggestions.map((s) => s.mentorId)} />
      </Suspense>
    </SectionCard>
  );
}
