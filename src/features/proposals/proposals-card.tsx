import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SentPair } from '@/application/programme/sent-proposals';
import { wordReason, type Reader } from '@/components/matching-words';
import { OwnWords } from '@/components/own-words';
import { PersonLine } from '@/components/person-line';
import { CardActions, SectionCard, Tile } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useProposals } from './use-proposals';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** What happens next, for the person reading: `executive` books, the mentor is invited. */
function nextWords(pair: SentPair, role: 'executive' | 'mentor', partner: string): string {
  const mine = pair[role];
  const theirs = pair[role === 'executive' ? 'mentor' : 'executive'];
  if (pair.state === 'paired') {
    return role === 'executive'
      ? `You and ${partner} both accepted: you are paired. Book your sessions below.`
      : `You and ${partner} both accepted: you are paired. ${partner} books your sessions; the invitation comes to your calendar.`;
  }
  if (mine === 'declined') return `You declined. The programme will not propose you and ${partner} again; a programme owner may propose someone else.`;
  if (theirs === 'declined') return `${partner} declined this proposal, so it will not go ahead. A programme owner may propose someone else.`;
  if (mine === 'accepted') {
    return role === 'executive'
      ? `You accepted. Waiting for ${partner} to answer; once they accept, you book your sessions here.`
      : `You accepted. Waiting for ${partner} to answer; once they accept, they book your sessions and the invitation comes to your calendar.`;
  }
  return role === 'executive'
    ? `If you both accept, you are paired and book your sessions here. If you decline, ${partner} is not proposed to you again.`
    : `If you both accept, you are paired and ${partner} books your sessions. If you decline, you are not proposed to ${partner} again.`;
}

/**
 * "The programme proposes": the partner a programme owner proposed to the signed-in executive or
 * reverse mentor, why (worded for them), Accept and Decline (confirmed first), then what happens
 * next. Shows the latest proposal, and earlier ones still open; nothing when there are none.
 */
export function ProposalsCard() {
  const styles = useStyles();
  const { host, user } = useServices();
  const { pairs, people, busy, error, answer, reasonsOf, profileOf } = useProposals();
  const [declining, setDeclining] = useState<SentPair | undefined>();
  if (!pairs || pairs.length === 0) return null;
  // Earlier declined proposals are history: the latest one shows whatever its state.
  const shown = pairs.filter((p, i) => i === 0 || p.state !== 'declined');
  const nameOf = (id: string) => people.get(id)?.displayName ?? 'your partner';

  return (
    <SectionCard title="The programme proposes">
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label="Pairs proposed to you">
        {shown.map((pair) => {
          const { proposal } = pair;
          const role = proposal.executiveId === user.id ? 'executive' : 'mentor';
          const partnerId = role === 'executive' ? proposal.mentorId : proposal.executiveId;
          const partner = nameOf(partnerId);
          const reader: Reader = { kind: role, nameOf };
          const reasons = reasonsOf(proposal).map((r) => wordReason(r, reader, { menteeId: proposal.executiveId, mentorId: proposal.mentorId }));
          const open = pair[role] === 'waiting' && pair.state === 'waiting';
          return (
            <li key={proposal.id}>
              <Tile>
                <Body1>{role === 'executive' ? 'As your reverse mentor:' : 'As the executive you would mentor:'}</Body1>
                <PersonLine person={people.get(partnerId)} fallbackName={partner} timeZone={profileOf(partnerId)?.timeZone} locale={host.context.locale} />
                <OwnWords profile={profileOf(partnerId)} side={role === 'executive' ? 'mentor' : 'executive'} />
                {reasons.length > 0 && (
                  <ul className={styles.reasons} aria-label={`Why the programme proposes ${partner}`}>
                    {reasons.map((words) => (
                      <li key={words}>
                        <Body1>{words}</Body1>
                      </li>
                    ))}
                  </ul>
                )}
                <Body1 role="status">{nextWords(pair, role, partner)}</Body1>
                {open && declining?.proposal.id !== proposal.id && (
                  <CardActions>
                    <Button appearance="primary" disabled={busy} onClick={() => void answer(proposal.id, 'accepted')} aria-label={`Accept pairing with ${partner}`}>
                      Accept
                    </Button>
                    <Button disabled={busy} onClick={() => setDeclining(pair)} aria-label={`Decline pairing with ${partner}`}>
                      Decline
                    </Button>
                  </CardActions>
                )}
                {/* Asked in place, as skipping a session is: no dialog, whose code would load before the first suggestion. */}
                {open && declining?.proposal.id === proposal.id && (
                  <div role="group" aria-label={`Decline pairing with ${partner}?`} className={styles.confirm}>
                    <Body1>The programme will not propose the two of you again. A programme owner may propose someone else; your answer cannot be changed afterwards.</Body1>
                    <CardActions>
                      <Button
                        appearance="primary"
                        disabled={busy}
                        onClick={() => {
                          setDeclining(undefined);
                          void answer(proposal.id, 'declined');
                        }}
                      >
                        Yes, decline
                      </Button>
                      <Button onClick={() => setDeclining(undefined)}>Keep the proposal</Button>
                    </CardActions>
                  </div>
                )}
              </Tile>
            </li>
          );
        })}
      </ul>
    </SectionCard>
  );
}
