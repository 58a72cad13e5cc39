import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useState } from 'react';
import { notifyProposal } from '@/application/notifications/notifier';
import type { Proposal } from '@/services/programme/programme-store';
import { useProgramme } from '@/context/programme-context';
import { BROWSER_REFRESH, type RefreshSchedule } from '@/context/use-refresh-while-visible';
import { withExclusion, withoutExclusion, withoutPin, withPin, withSwap, type OwnerDecisions } from '@/application/programme/proposal';
import { DirectoryUnavailable, useDirectoryUnavailable } from '@/components/directory-unavailable';
import { wordMatchingClosed, wordReason, wordWhyNobody, wordWhyNot, type Reader } from '@/components/matching-words';
import { namesApart } from '@/components/names-apart';
import { PersonAvatar } from '@/components/person-avatar';
import { ProfilesProblem } from '@/components/profiles-problem';
import { readingProgress } from '@/components/reading-progress';
import { SectionCard } from '@/components/section-card';
import { downloadCsv, Figures } from '@/components/figures';
import { useServices } from '@/context/services-context';
import { useIsProgrammeOwner } from '@/context/use-programme-owner';
import { mailboxAddressOf } from '@/services/graph/directory-person';
import { toCsv } from '@/domain/export/csv';
import { ProgrammeSettingsForm } from './programme-settings-form';
import { useProgrammeProposal } from './use-programme-proposal';
import { SentProposalsPanel } from './sent-proposals-panel';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import { matchingOn } from '@/domain/programme/rounds';
import { useSentProposals } from './use-sent-proposals';

// The health view's charts are the heaviest code an owner loads: only when the view is there.
const ProgrammeHealthView = lazy(() => import('./programme-health').then((m) => ({ default: m.ProgrammeHealthView })));

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  table: { overflowX: 'auto' },
  reasons: { color: tokens.colorNeutralForeground2 },
  decisions: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  decision: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', paddingBlock: tokens.spacingVerticalXXS },
});

type Pair = readonly [string, string];
const key = ([e, m]: Pair) => `${e}|${m}`;

/** What the owner just did, said once; `undo` takes it back where that is offered. */
interface Note {
  readonly text: string;
  readonly undo?: () => void;
}

/**
 * Programme owners: run the programme-wide matching, adjust it (pins and exclusions are kept in the
 * programme store), see its health, export it.
 */
export function ProgrammeView({ refresh = BROWSER_REFRESH }: { /** When to read the answers again on its own (tests inject their timers). */ refresh?: RefreshSchedule } = {}) {
  const styles = useStyles();
  const { host } = useServices();
  const owner = useIsProgrammeOwner();
  const unavailable = useDirectoryUnavailable();
  const { notifier, now } = useProgramme();
  const matching = matchingOn(useProgrammeSettings().rules.rounds, new Date(now()).toISOString().slice(0, 10));
  // Each of the two people is told in Teams once the pairs are stored; Teams saying no never unsends them.
  const tellPeople = useCallback(async (pairs: readonly Proposal[]) => void (await Promise.all(pairs.map((pair) => notifyProposal(notifier, pair)))), [notifier]);
  const sent = useSentProposals(owner, tellPeople, refresh);
  const { matcher, people, profiles, decisions, problem, proposal, running, failure, figures: numbers, run: rerun, decide, setUp } = useProgrammeProposal(owner, sent.pairs);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState<Note | undefined>();
  const percent = new Intl.NumberFormat(host.context.locale, { style: 'percent', maximumFractionDigits: 0 });

  if (!owner) return null;
  if (!matcher) {
    // The same shape as below, the settings form keyed: what an owner types in it while the programme
    // loads stays when the rest arrives.
    return (
      <>
        <SectionCard title="Programme" wide>
          {unavailable ? (
            <DirectoryUnavailable />
          ) : profiles.status === 'failed' ? (
            <ProfilesProblem />
          ) : (
            <Spinner size="tiny" label={readingProgress('Reading the programme', profiles, host.context.locale)} />
          )}
          <ProgrammeSettingsForm key="settings" />
        </SectionCard>
      </>
    );
  }

  const { pins, exclusions } = decisions;
  // Everyone the view may list (the cohort and anyone in a decision), told apart where names repeat:
  // the same over every run, so a pair reads the same in the table, the lists, the notes and the CSV.
  const listed = new Set([...matcher.mentees, ...matcher.mentors, ...pins.flat(), ...exclusions.flat(), ...sent.pairs.flatMap((p) => [p.proposal.executiveId, p.proposal.mentorId])]);
  const labels = namesApart([...listed].map((id) => ({ id, person: people.get(id), fallbackName: id })));
  const name = (id: string) => labels.get(id) ?? people.get(id)?.displayName ?? id;
  /** The name alone, for initials: the label beside it tells namesakes apart. */
  const displayName = (id: string) => people.get(id)?.displayName ?? id;
  const pairWords = ([e, m]: Pair) => `${name(e)} with ${name(m)}`;
  const reader: Reader = { kind: 'owner', nameOf: name };
  const emailOf = (id: string) => {
    const person = people.get(id);
    return person ? mailboxAddressOf(person) : undefined;
  };
  /** Runs the proposal again (with the decisions as they now are). */
  const run = () => {
    rerun();
    setSelected([]);
  };
  const pinnedKeys = new Set(pins.map(key));
  const share = (value: number | undefined) => (value === undefined ? '—' : percent.format(value));

  const figures: [string, string][] | undefined = numbers && [
    ['Cohort', `${numbers.executives} executives · ${numbers.reverseMentors} reverse mentors`],
    ['Matched', share(numbers.matched)],
    ['Across departments', share(numbers.acrossDepartments)],
    ['Average fit', share(numbers.averageFit)],
    ['Mentors at capacity', String(numbers.mentorsAtCapacity)],
  ];

  const swap = () => {
    const [a, b] = selected.map((k) => proposal!.pairs.find((p) => key([p.menteeId, p.mentorId]) === k)!);
    if (!a || !b) return;
    const problems = matcher.swapProblems(a, b, exclusions);
    if (problems.length > 0) return setNote({ text: `Cannot swap. ${problems.map((p) => wordWhyNot(p.reasons, reader, p)).join(' ')}` });
    // Applied to the decisions as saved, so pins another tab saved in between are kept.
    decide((d) => withSwap(d, [a.menteeId, a.mentorId], [b.menteeId, b.mentorId]));
    setNote({ text: `Swapped and pinned: ${name(a.menteeId)} with ${name(b.mentorId)}, ${name(b.menteeId)} with ${name(a.mentorId)}.` });
    run();
  };

  /** Applies a decision, says what it did, and runs the proposal again when there is one. */
  const decideAndSay = (change: (d: OwnerDecisions) => OwnerDecisions, said: Note) => {
    decide(change);
    setNote(said);
    if (proposal) run();
  };
  const pin = (pair: Pair) => decideAndSay((d) => withPin(d, pair), { text: `Pinned ${pairWords(pair)}: every run keeps this pair until you unpin it.` });
  const unpin = (pair: Pair) => decideAndSay((d) => withoutPin(d, pair), { text: `Unpinned ${pairWords(pair)}: the matching may now propose others for them.` });
  const allow = (pair: Pair) => decideAndSay((d) => withoutExclusion(d, pair), { text: `Allowed ${pairWords(pair)} again: the matching may propose them together.` });
  const exclude = (pair: Pair) => {
    const wasPinned = pinnedKeys.has(key(pair));
    const undo = () =>
      decideAndSay((d) => (wasPinned ? withPin(withoutExclusion(d, pair), pair) : withoutExclusion(d, pair)), {
        text: `Undone: ${pairWords(pair)} may be proposed together again${wasPinned ? ', and stay pinned' : ''}.`,
      });
    decideAndSay((d) => withExclusion(d, pair), {
      text: `Excluded ${pairWords(pair)}: they will not be proposed together again until you allow them under “Excluded pairs”.`,
      undo,
    });
  };

  const exportCsv = () => {
    if (!proposal) return;
    const csv = toCsv([
      ['Executive', 'Executive email', 'Reverse mentor', 'Reverse mentor email', 'Fit', 'Pinned', 'Why'],
      ...proposal.pairs.map((p) => [
        name(p.menteeId),
        emailOf(p.menteeId),
        name(p.mentorId),
        emailOf(p.mentorId),
        p.score.toFixed(2),
        p.pinned,
        p.reasons.map((r) => wordReason(r, reader, p)).join('; '),
      ]),
    ]);
    downloadCsv(csv, 'reverse-mentoring-pairs.csv');
  };

  return (
    <>
      <SectionCard title="Programme" wide description="Propose pairs for everyone who opted in; pin, exclude or swap, then run again.">
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => {
              setNote(undefined);
              run();
            }}
          >
            {proposal ? 'Run again' : 'Run matching'}
          </Button>
          {proposal && <Button onClick={exportCsv}>Export CSV</Button>}
          {proposal && (
            <Button disabled={selected.length !== 2} onClick={swap}>
              Swap mentors of the two selected
            </Button>
          )}
          {running && <Spinner size="tiny" label="Matching everyone who opted in…" />}
        </div>
        {note && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{note.text}</MessageBarBody>
            {note.undo && (
              <MessageBarActions>
                <Button onClick={note.undo}>Undo</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {problem && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
            {setUp && (
              <MessageBarActions>
                <Button onClick={() => void setUp()}>Set up the programme store</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {failure && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        )}
        {figures && <Figures label="Programme figures" figures={figures} />}
        {proposal && (
          <div className={styles.table}>
            <Table aria-label="Proposed pairs" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Select</TableHeaderCell>
                  <TableHeaderCell>Executive</TableHeaderCell>
                  <TableHeaderCell>Reverse mentor</TableHeaderCell>
                  <TableHeaderCell>Fit</TableHeaderCell>
                  <TableHeaderCell>Why</TableHeaderCell>
                  <TableHeaderCell>Adjust</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {proposal.pairs.map((p) => {
                  const k = key([p.menteeId, p.mentorId]);
                  return (
                    <TableRow key={k}>
                      <TableCell>
                        <Checkbox
                          aria-label={`Select ${name(p.menteeId)} and ${name(p.mentorId)}`}
                          checked={selected.includes(k)}
                          onChange={(_, d) => setSelected(d.checked ? [...selected, k].slice(-2) : selected.filter((s) => s !== k))}
                        />
                      </TableCell>
                      <TableCell>
                        <TableCellLayout media={<PersonAvatar id={p.menteeId} name={displayName(p.menteeId)} size={24} />}>{name(p.menteeId)}</TableCellLayout>
                      </TableCell>
                      <TableCell>
                        <TableCellLayout media={<PersonAvatar id={p.mentorId} name={displayName(p.mentorId)} size={24} />}>{name(p.mentorId)}</TableCellLayout>
                      </TableCell>
                      <TableCell>{percent.format(p.score)}</TableCell>
                      <TableCell>
                        <Caption1 className={styles.reasons}>
                          {p.reasons
                            .slice(0, 2)
                            .map((r) => wordReason(r, reader, p))
                            .join('; ')}
                        </Caption1>
                      </TableCell>
                      <TableCell>
                        <div className={styles.row}>
                          <Button
                            size="small"
                            aria-label={`${pinnedKeys.has(k) ? 'Unpin' : 'Pin'} ${name(p.menteeId)} with ${name(p.mentorId)}`}
                            onClick={() => (pinnedKeys.has(k) ? unpin : pin)([p.menteeId, p.mentorId])}
                          >
                            {pinnedKeys.has(k) ? 'Unpin' : 'Pin'}
                          </Button>
                          <Button size="small" aria-label={`Exclude ${name(p.menteeId)} with ${name(p.mentorId)}`} onClick={() => exclude([p.menteeId, p.mentorId])}>
                            Exclude
                          </Button>
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
        <SentProposalsPanel proposal={proposal} sent={sent} nameOf={name} onRunAgain={run} closed={matching.open ? undefined : wordMatchingClosed(matching)} />
        {pins.length > 0 && (
          <>
            <Body1>
              <strong>Pinned pairs ({pins.length})</strong>
            </Body1>
            <ul aria-label="Pinned pairs" className={styles.decisions}>
              {pins.map((pair) => (
                <li key={key(pair)} className={styles.decision}>
                  <Body1>{pairWords(pair)}</Body1>
                  {/* Not "Unpin … with …": that names the table's button for the same pair. */}
                  <Button size="small" aria-label={`Unpin ${name(pair[0])} and ${name(pair[1])}`} onClick={() => unpin(pair)}>
                    Unpin
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
        {exclusions.length > 0 && (
          <>
            <Body1>
              <strong>Excluded pairs ({exclusions.length})</strong>
            </Body1>
            <ul aria-label="Excluded pairs" className={styles.decisions}>
              {exclusions.map((pair) => (
                <li key={key(pair)} className={styles.decision}>
                  <Body1>{pairWords(pair)}</Body1>
                  <Button size="small" aria-label={`Allow again ${name(pair[0])} and ${name(pair[1])}`} onClick={() => allow(pair)}>
                    Allow again
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
        {proposal && proposal.unmatched.length > 0 && (
          <>
            <Body1>
              <strong>Not matched ({proposal.unmatched.length})</strong>
            </Body1>
            <ul aria-label="Executives not matched">
              {proposal.unmatched.map((u) => (
                <li key={u.menteeId}>
                  <Body1>{wordWhyNobody(u.why, reader, u.menteeId)}</Body1>
                </li>
              ))}
            </ul>
          </>
        )}
        <ProgrammeSettingsForm key="settings" />
      </SectionCard>
      <Suspense fallback={null}>
        <ProgrammeHealthView />
      </Suspense>
    </>
  );
}
