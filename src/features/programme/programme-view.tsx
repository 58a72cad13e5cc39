import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { withExclusion, withoutPin, withPin } from '@/application/programme/proposal';
import { DirectoryUnavailable, useDirectoryUnavailable } from '@/components/directory-unavailable';
import { wordReason, wordWhyNobody, wordWhyNot, type Reader } from '@/components/matching-words';
import { PersonAvatar } from '@/components/person-avatar';
import { ProfilesProblem } from '@/components/profiles-problem';
import { SectionCard } from '@/components/section-card';
import { useServices } from '@/context/services-context';
import { useIsProgrammeOwner } from '@/context/use-programme-owner';
import { mailboxAddressOf } from '@/services/graph/directory-person';
import { toCsv } from '@/domain/export/csv';
import { useProgrammeProposal } from './use-programme-proposal';

const useStyles = makeStyles({
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column' },
  number: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  table: { overflowX: 'auto' },
  reasons: { color: tokens.colorNeutralForeground2 },
});

type Pair = readonly [string, string];
const key = ([e, m]: Pair) => `${e}|${m}`;

/**
 * Programme owners: run the programme-wide matching, adjust it (pins and exclusions are kept in the
 * owner's own OneDrive), see its health, export it.
 */
export function ProgrammeView() {
  const styles = useStyles();
  const { host } = useServices();
  const owner = useIsProgrammeOwner();
  const unavailable = useDirectoryUnavailable();
  const { matcher, people, profiles, decisions, problem, proposal, figures: numbers, run: rerun, decide } = useProgrammeProposal(owner);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState<string | undefined>();
  const percent = new Intl.NumberFormat(host.context.locale, { style: 'percent', maximumFractionDigits: 0 });

  if (!owner) return null;
  if (!matcher) {
    return (
      <SectionCard title="Programme" wide>
        {unavailable ? <DirectoryUnavailable /> : profiles.status === 'failed' ? <ProfilesProblem /> : <Spinner size="tiny" label="Reading the programme…" />}
      </SectionCard>
    );
  }

  const name = (id: string) => people.get(id)?.displayName ?? id;
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
  const { pins, exclusions } = decisions;
  const pinnedKeys = new Set(pins.map(key));
  const share = (value: number | undefined) => (value === undefined ? '—' : percent.format(value));

  const figures = numbers && [
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
    if (problems.length > 0) return setNote(`Cannot swap. ${problems.map((p) => wordWhyNot(p.reasons, reader, p)).join(' ')}`);
    const next = [...pins.filter((p) => p[0] !== a.menteeId && p[0] !== b.menteeId), [a.menteeId, b.mentorId] as Pair, [b.menteeId, a.mentorId] as Pair];
    decide((d) => ({ ...d, pins: next }));
    setNote(`Swapped and pinned: ${name(a.menteeId)} with ${name(b.mentorId)}, ${name(b.menteeId)} with ${name(a.mentorId)}.`);
    run();
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
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = 'reverse-mentoring-pairs.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <SectionCard title="Programme" wide description="Propose pairs for everyone who opted in; pin, exclude or swap, then run again.">
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => run()}>
          {proposal ? 'Run again' : 'Run matching'}
        </Button>
        {proposal && <Button onClick={exportCsv}>Export CSV</Button>}
        {proposal && (
          <Button disabled={selected.length !== 2} onClick={swap}>
            Swap mentors of the two selected
          </Button>
        )}
      </div>
      {note && (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {figures && (
        <div className={styles.figures} aria-label="Programme figures" role="group">
          {figures.map(([label, value]) => (
            <div key={label} className={styles.figure}>
              <Text className={styles.number}>{value}</Text>
              <Caption1>{label}</Caption1>
            </div>
          ))}
        </div>
      )}
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
                      <TableCellLayout media={<PersonAvatar id={p.menteeId} name={name(p.menteeId)} size={24} />}>{name(p.menteeId)}</TableCellLayout>
                    </TableCell>
                    <TableCell>
                      <TableCellLayout media={<PersonAvatar id={p.mentorId} name={name(p.mentorId)} size={24} />}>{name(p.mentorId)}</TableCellLayout>
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
                          onClick={() => {
                            const pair: Pair = [p.menteeId, p.mentorId];
                            decide((d) => (pinnedKeys.has(k) ? withoutPin(d, pair) : withPin(d, pair)));
                            run();
                          }}
                        >
                          {pinnedKeys.has(k) ? 'Unpin' : 'Pin'}
                        </Button>
                        <Button
                          size="small"
                          aria-label={`Exclude ${name(p.menteeId)} with ${name(p.mentorId)}`}
                          onClick={() => {
                            decide((d) => withExclusion(d, [p.menteeId, p.mentorId]));
                            run();
                          }}
                        >
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
    </SectionCard>
  );
}
