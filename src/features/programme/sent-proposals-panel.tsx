import { Badge, Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PersonAnswer, SentPair } from '@/application/programme/sent-proposals';
import type { ProgrammeAssignment } from '@/domain/matching/engine';
import type { useSentProposals } from './use-sent-proposals';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  item: { paddingBlock: tokens.spacingVerticalXXS },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const STATE_WORDS = { waiting: 'Waiting', paired: 'Paired', declined: 'Declined' } as const;
const STATE_COLOUR = { waiting: 'informative', paired: 'success', declined: 'danger' } as const;
const answerWords = (name: string, answer: PersonAnswer) => (answer === 'waiting' ? `${name} has not answered yet` : `${name} ${answer}`);

/**
 * The owner's side of sending: a Send button for the proposal on show (confirmed, naming how many
 * pairs and people), every pair sent with both answers, who is still waiting, and "Run again for
 * those declined". Speaks of the two people by name.
 */
export function SentProposalsPanel(props: {
  readonly proposal: ProgrammeAssignment | undefined;
  readonly sent: ReturnType<typeof useSentProposals>;
  readonly nameOf: (id: string) => string;
  readonly onRunAgain: () => void;
  /** Why no pairs are sent now (the round's matching is closed), in words. */
  readonly closed?: string | undefined;
}) {
  const styles = useStyles();
  const { proposal, sent, nameOf } = props;
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const [note, setNote] = useState<string | undefined>();
  const sentKeys = new Set(sent.pairs.map((p) => `${p.proposal.executiveId}|${p.proposal.mentorId}`));
  const toSend = (proposal?.pairs ?? []).filter((p) => !sentKeys.has(`${p.menteeId}|${p.mentorId}`));
  const people = new Set(toSend.flatMap((p) => [p.menteeId, p.mentorId])).size;
  const pairsWords = (n: number) => `${n} pair${n === 1 ? '' : 's'}`;

  const waitingOn = [
    ...new Set(
      sent.pairs
        .filter((p) => p.state === 'waiting')
        .flatMap((p) => [p.executive === 'waiting' ? p.proposal.executiveId : undefined, p.mentor === 'waiting' ? p.proposal.mentorId : undefined]),
    ),
  ].filter((id): id is string => id !== undefined);
  const declined = sent.pairs.filter((p) => p.state === 'declined');
  // Declined executives not proposed anyone since: the next run is for them.
  const held = new Set(sent.pairs.filter((p) => p.state !== 'declined').map((p) => p.proposal.executiveId));
  const toRerun = [...new Set(declined.map((p) => p.proposal.executiveId))].filter((id) => !held.has(id));
  const count = (state: SentPair['state']) => sent.pairs.filter((p) => p.state === state).length;

  const send = async () => {
    setConfirming(false);
    if (!proposal) return;
    const result = await sent.send({ pairs: toSend, unmatched: [] });
    if (result === undefined) return;
    const waiting = result.waitingForKeys
      ? ` ${pairsWords(result.waitingForKeys)} ${result.waitingForKeys === 1 ? 'waits' : 'wait'} until both people have opened the app once, which keeps their proposal private to the two of them and the owners; send again after that.`
      : '';
    setNote(`Sent ${pairsWords(result.sent)}. Each person sees their proposed partner in the app and accepts or declines; their answers show below.${waiting}`);
  };

  return (
    <>
      {sent.canSend && proposal && props.closed && (
        <MessageBar intent="info">
          <MessageBarBody>{props.closed}</MessageBarBody>
        </MessageBar>
      )}
      {sent.canSend && proposal && (
        <div className={styles.row}>
          <Button appearance="primary" disabled={toSend.length === 0 || sent.busy || !sent.read || confirming || props.closed !== undefined} onClick={() => setConfirming(true)}>
            {toSend.length === 0 ? 'All pairs sent' : `Send ${pairsWords(toSend.length)}`}
          </Button>
        </div>
      )}
      {/* Asked in place: a Fluent dialog unmounted as it closes left the page aria-hidden for screen readers. */}
      {confirming && toSend.length > 0 && (
        <div role="group" aria-labelledby={questionId} className={styles.confirm}>
          <Subtitle2 as="h3" id={questionId}>{`Send ${pairsWords(toSend.length)} to ${people} people?`}</Subtitle2>
          <Body1>
            Each executive and reverse mentor sees their proposed partner and why, and accepts or declines. A pair becomes a pairing when both accept; a declined pair is not proposed again.
          </Body1>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void send()}>{`Send ${pairsWords(toSend.length)}`}</Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        </div>
      )}
      {note && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {sent.problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{sent.problem}</MessageBarBody>
        </MessageBar>
      )}
      {sent.pairs.length > 0 && (
        <>
          <Body1>
            <strong>Sent pairs ({sent.pairs.length})</strong> · {count('paired')} paired · {count('waiting')} waiting · {count('declined')} declined
          </Body1>
          <ul aria-label="Sent pairs" className={styles.list}>
            {sent.pairs.map((p) => {
              const executive = nameOf(p.proposal.executiveId);
              const mentor = nameOf(p.proposal.mentorId);
              return (
                <li key={p.proposal.id} className={styles.item}>
                  <div className={styles.row}>
                    <Body1>
                      {executive} with {mentor}
                    </Body1>
                    <Badge appearance="tint" color={STATE_COLOUR[p.state]}>
                      {STATE_WORDS[p.state]}
                    </Badge>
                  </div>
                  <Caption1>
                    {answerWords(executive, p.executive)}; {answerWords(mentor, p.mentor)}.
                  </Caption1>
                </li>
              );
            })}
          </ul>
          <Body1 role="status">{waitingOn.length > 0 ? `Still waiting for ${waitingOn.map(nameOf).join(', ')}.` : 'Nobody is still waiting to answer.'}</Body1>
          <div className={styles.row}>
            {toRerun.length > 0 && (
              <Button
                onClick={() => {
                  setNote(undefined);
                  props.onRunAgain();
                }}
              >
                Run again for those declined
              </Button>
            )}
          </div>
          {toRerun.length > 0 && <Caption1>Declined, to propose again: {toRerun.map(nameOf).join(', ')}. A pair once declined is never proposed again.</Caption1>}
        </>
      )}
    </>
  );
}
