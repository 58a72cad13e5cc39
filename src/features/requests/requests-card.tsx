import { Body1, Button, Card, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PersonLine } from '@/components/person-line';
import { useProgramme } from '@/context/programme-context';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { answer, incomingRequests } from '@/domain/matching/requests';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** A reverse mentor's incoming requests (accept or decline) and the executives they mentor. */
export function RequestsCard() {
  const styles = useStyles();
  const { host, user } = useServices();
  const { me, profiles, people, updateMyProfile, reloadProfiles } = useProgramme();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!me?.mentor || profiles.status !== 'ready') return null;

  const waiting = incomingRequests(user.id, me, profiles.list);
  const accepted = me.accepted ?? [];
  const nameOf = (id: string) => people.get(id)?.displayName ?? 'an executive';
  const full = accepted.length >= me.mentor.capacity;
  const respond = async (executiveId: string, accept: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const lists = answer(me, executiveId, accept);
      await updateMyProfile({ ...lists, load: lists.accepted.length });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const timeZoneOf = (id: string) => profiles.list.find((p) => p.personId === id)?.timeZone;

  return (
    <SectionCard title="Requests to pair">
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {waiting.length === 0 ? (
        <Body1>No requests waiting for you. Executives who fit your profile can ask you.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Requests waiting for your answer">
          {waiting.map((id) => (
            <li key={id}>
              <Card>
                <PersonLine person={people.get(id)} fallbackName={nameOf(id)} timeZone={timeZoneOf(id)} locale={host.context.locale} />
                <div className={styles.row}>
                  <Button appearance="primary" disabled={busy || full} onClick={() => void respond(id, true)} aria-label={`Accept ${nameOf(id)}`}>
                    Accept
                  </Button>
                  <Button disabled={busy} onClick={() => void respond(id, false)} aria-label={`Decline ${nameOf(id)}`}>
                    Decline
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {full && waiting.length > 0 && <Body1>You are at your capacity of {me.mentor.capacity}; change it in your profile to accept more.</Body1>}
      {accepted.length > 0 && (
        <Body1>
          You mentor {accepted.map(nameOf).join(', ')} ({accepted.length} of {me.mentor.capacity}).
        </Body1>
      )}
      <div className={styles.row}>
        <Button onClick={reloadProfiles}>Check for new requests</Button>
      </div>
    </SectionCard>
  );
}
