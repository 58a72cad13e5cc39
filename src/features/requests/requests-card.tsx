import { Body1, Button, Card, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { namesApart } from '@/components/names-apart';
import { OwnWords } from '@/components/own-words';
import { PersonLine } from '@/components/person-line';
import { CardActions, CardCell, SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useRequests } from './use-requests';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
});

/** A reverse mentor's incoming requests (accept or decline) and the executives they mentor. */
export function RequestsCard() {
  const styles = useStyles();
  const { host } = useServices();
  const { me, ready, people, waiting, mentees, full, busy, error, respond, reload: reloadProfiles, timeZoneOf, profileOf } = useRequests();
  if (!me?.mentor || !ready) return null;

  // Two executives with one name are told apart by their role, department or office.
  const names = namesApart([...new Set([...waiting, ...mentees])].map((id) => ({ id, person: people.get(id), fallbackName: 'an executive' })));
  const nameOf = (id: string) => names.get(id) ?? people.get(id)?.displayName ?? 'an executive';

  return (
    <SectionCard title="Requests to pair">
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {waiting.length === 0 ? (
        <Body1>
          {full
            ? `No requests waiting for you. You are at your capacity of ${me.mentor.capacity}, so executives are not offered you; raise it in your profile to mentor more.`
            : 'No requests waiting for you. Executives who fit your profile can ask you.'}
        </Body1>
      ) : (
        <ul className={styles.list} aria-label="Requests waiting for your answer">
          {waiting.map((id) => (
            <CardCell key={id}>
              <Card>
                <PersonLine person={people.get(id)} fallbackName={nameOf(id)} timeZone={timeZoneOf(id)} locale={host.context.locale} />
                <OwnWords profile={profileOf(id)} side="executive" />
                <CardActions>
                  <Button appearance="primary" disabled={busy || full} onClick={() => void respond(id, true)} aria-label={`Accept ${nameOf(id)}`}>
                    Accept
                  </Button>
                  <Button disabled={busy} onClick={() => void respond(id, false)} aria-label={`Decline ${nameOf(id)}`}>
                    Decline
                  </Button>
                </CardActions>
              </Card>
            </CardCell>
          ))}
        </ul>
      )}
      {full && waiting.length > 0 && <Body1>You are at your capacity of {me.mentor.capacity}; change it in your profile to accept more.</Body1>}
      {mentees.length > 0 && (
        <Body1>
          You mentor {mentees.map(nameOf).join(', ')} ({mentees.length} of {me.mentor.capacity}).
        </Body1>
      )}
      <CardActions>
        <Button onClick={reloadProfiles}>Check for new requests</Button>
      </CardActions>
    </SectionCard>
  );
}
