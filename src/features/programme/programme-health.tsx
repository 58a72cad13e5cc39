import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { GroupedVerticalBarChart, LineChart } from '@fluentui/react-charts';
import { useEffect, useState } from 'react';
import { healthCsv } from '@/application/programme/programme-health';
import { MIN_PEOPLE, type Aggregate, type EvaluationResults, type GroupHealth, type PairHealth } from '@/domain/health/health';
import { SectionCard } from '@/components/section-card';
import { downloadCsv, Figures } from '@/components/figures';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { useProgrammeHealth } from './use-programme-health';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  table: { overflowX: 'auto' },
  chart: { margin: 0, minWidth: 0 },
  // The charts fit the box they are drawn in: it must have a height of its own, or each draw grows it.
  plot: { height: '300px', width: '100%', overflow: 'hidden' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  item: { paddingBlock: tokens.spacingVerticalXXS },
});

const WITHHELD = `Withheld (under ${MIN_PEOPLE} people)`;

/**
 * The charts' colours: the theme's own in light and dark; in high contrast, where the theme's palette
 * becomes one colour, three that stay apart (Teams' high-contrast cyan, white and yellow).
 */
const COLOURS = {
  held: tokens.colorPaletteGreenBorderActive,
  planned: tokens.colorNeutralStroke1,
  cancelled: tokens.colorPaletteRedBorderActive,
  pulse: tokens.colorBrandForeground1,
};
const CONTRAST_COLOURS: typeof COLOURS = { held: '#1aebff', planned: '#ffffff', cancelled: '#ffff00', pulse: '#1aebff' };

/** The colours for the host's theme, following it as it changes. */
function useChartColours(): typeof COLOURS {
  const { host } = useServices();
  const [theme, setTheme] = useState(host.context.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return theme === 'contrast' ? CONTRAST_COLOURS : COLOURS;
}

/** A table of one grouping (departments or locations); withheld averages say so. */
function GroupTable({ label, groups, pulse }: { label: string; groups: readonly GroupHealth[]; pulse: (a: Aggregate) => string }) {
  const styles = useStyles();
  if (groups.length === 0) return null;
  return (
    <div className={styles.table}>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{label}</TableHeaderCell>
            <TableHeaderCell>Participants</TableHeaderCell>
            <TableHeaderCell>In a pair</TableHeaderCell>
            <TableHeaderCell>Sessions held / planned</TableHeaderCell>
            <TableHeaderCell>Average pulse</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => (
            <TableRow key={g.name}>
              <TableCell>{g.name}</TableCell>
              <TableCell>{g.participants}</TableCell>
              <TableCell>{g.paired}</TableCell>
              <TableCell>
                {g.held} / {g.planned}
              </TableCell>
              <TableCell>{pulse(g.pulse)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The evaluations: own goals and each statement, at the start and at the end, averaged or withheld. */
function EvaluationTable({ results, pulse }: { results: EvaluationResults; pulse: (a: Aggregate) => string }) {
  const styles = useStyles();
  const rows: [string, Aggregate, Aggregate][] = [
    ['How far along with their own goals', results.goals.start, results.goals.end],
    ...results.statements.map((s): [string, Aggregate, Aggregate] => [s.statement, s.start, s.end]),
  ];
  return (
    <div className={styles.table}>
      <Table aria-label="Evaluations" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Evaluation (1–5)</TableHeaderCell>
            <TableHeaderCell>At the start</TableHeaderCell>
            <TableHeaderCell>At the end</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([statement, start, end]) => (
            <TableRow key={statement}>
              <TableCell>{statement}</TableCell>
              <TableCell>{pulse(start)}</TableCell>
              <TableCell>{pulse(end)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * The owners' view of how the programme is going: figures, charts (or the same as tables), the pairs
 * at risk with a nudge, and the lines people wrote to the owners. Counts, dates and pulses averaged
 * over at least five people; nothing a pair wrote in their agenda.
 */
export function ProgrammeHealthView() {
  const styles = useStyles();
  const { host } = useServices();
  const { people } = useProgramme();
  const { available, report, problem, reload, nudge, rounds, round, chooseRound } = useProgrammeHealth();
  const [view, setView] = useState<'charts' | 'tables'>('charts');
  const colour = useChartColours();
  const [nudged, setNudged] = useState<ReadonlyMap<string, string>>(new Map());
  const locale = host.context.locale;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const dateOf = (day: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  const nameOf = (id: string) => people.get(id)?.displayName ?? 'Someone who left';

  if (!available) return null;
  if (!report) {
    return (
      <SectionCard title="Programme health" wide>
        {problem ? (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner size="tiny" label="Reading the check-ins…" />
        )}
      </SectionCard>
    );
  }

  const { health, endings, unread } = report;
  const { lines } = health;
  // Nobody answered yet is not the same as too few to show.
  const pulse = (a: Aggregate) => ('withheld' in a ? (a.people === 0 ? 'None yet' : WITHHELD) : `${decimal.format(a.value)} of 5 (${a.people} people)`);
  const short = (a: Aggregate) => ('withheld' in a ? (a.people === 0 ? 'not yet' : 'withheld') : decimal.format(a.value));
  const share = (value: number | undefined) => (value === undefined ? '—' : percent.format(value));
  const atRisk = health.pairs.filter((p): p is PairHealth & { risk: NonNullable<PairHealth['risk']> } => p.risk !== undefined);
  const loads = health.mentorLoads.map(([load, mentors]) => `${mentors} with ${load === 0 ? 'none' : load === 1 ? '1 executive' : `${load} executives`}`).join(' · ');
  const figures: [string, string][] = [
    ['Participants', String(health.participants)],
    ['In a pair', health.participants ? `${health.paired} (${percent.format(health.paired / health.participants)})` : '0'],
    ['Paused', String(health.paused.length)],
    ['Sessions held of planned', `${health.sessions.held + health.sessions.moved} of ${health.sessions.planned}`],
    ...(report.round ? [['Sessions held of the round’s target', `${health.sessions.held + health.sessions.moved} of ${report.round.target}`] as [string, string]] : []),
    ['Skipped · cancelled · not recorded', `${health.sessions.skipped} · ${health.sessions.cancelled} · ${health.sessions.unrecorded}`],
    ['Pairs at risk', `${atRisk.length} of ${health.pairs.filter((p) => p.current).length}`],
    ['Average pulse', 'withheld' in health.pulse ? (health.pulse.people === 0 ? 'None yet' : 'Withheld') : `${decimal.format(health.pulse.value)} of 5`],
    ['Pairs across departments', share(health.acrossDepartments)],
    ['Pairs across locations', share(health.acrossLocations)],
    ['Own goals, start → end', `${short(health.evaluation.goals.start)} → ${short(health.evaluation.goals.end)}`],
  ];
  const pulseWeeks = health.weeks.filter((w): w is typeof w & { pulse: { value: number; people: number } } => 'value' in w.pulse);

  const exportCsv = () => {
    downloadCsv(healthCsv(report, nameOf), 'reverse-mentoring-health.csv');
  };
  const remind = async (pair: PairHealth) => {
    const key = `${pair.executiveId}|${pair.mentorId}`;
    const told = await nudge(pair);
    setNudged(new Map(nudged).set(key, told ? 'Reminded both in Teams.' : 'Could not remind them in Teams just now; they see their sessions when they open the app.'));
  };

  return (
    <SectionCard title="Programme health" wide description="How the pairs are meeting, from counts, dates and pulses. No one’s notes or agenda are read here.">
      {rounds.length > 0 && (
        <Field label="Round" hint={round ? `${dateOf(round.start)} to ${dateOf(round.end)}: the pairs whose sessions began in it.` : 'Every pair, whatever its round.'}>
          <Select value={round?.name ?? ''} onChange={(_, data) => chooseRound(data.value)}>
            {rounds.map((r) => (
              <option key={r.name} value={r.name}>
                {r.name}
              </option>
            ))}
            <option value="">All rounds</option>
          </Select>
        </Field>
      )}
      <Figures label="Programme health figures" figures={figures} />
      <Caption1>
        {'withheld' in health.pulse
          ? `Pulses are shown once at least ${MIN_PEOPLE} people have given one, so no one’s answer can be singled out (${health.pulse.people} so far).`
          : `Average pulse from ${health.pulse.people} people.`}{' '}
        Mentors’ load: {loads || 'no reverse mentors yet'}.{unread > 0 && ` ${unread} check-ins were sealed before your key was published and are not counted.`}
      </Caption1>
      <div className={styles.row}>
        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as 'charts' | 'tables')} aria-label="Show the health as">
          <Tab value="charts">Charts</Tab>
          <Tab value="tables">Tables</Tab>
        </TabList>
        <Button onClick={exportCsv}>Export health CSV</Button>
        <Button appearance="subtle" onClick={reload}>
          Refresh
        </Button>
      </div>
      {view === 'charts' ? (
        <div className={styles.charts}>
          {health.weeks.length === 0 ? (
            <Body1>No sessions have taken place yet.</Body1>
          ) : (
            <figure className={styles.chart}>
              <figcaption>
                <Body1>
                  <strong>Sessions by week</strong>
                </Body1>
              </figcaption>
              <div className={styles.plot}>
                <GroupedVerticalBarChart
                  chartTitle="Sessions by week"
                  height={260}
                  data={health.weeks.map((w) => ({
                    name: dateOf(w.week),
                    series: [
                      { key: 'held', data: w.held, legend: 'Held', color: colour.held },
                      { key: 'planned', data: w.planned, legend: 'Planned', color: colour.planned },
                      { key: 'cancelled', data: w.cancelled, legend: 'Cancelled', color: colour.cancelled },
                    ],
                  }))}
                />
              </div>
            </figure>
          )}
          {pulseWeeks.length === 0 ? (
            <Body1>The average pulse by week shows once {MIN_PEOPLE} people have given one in a week.</Body1>
          ) : (
            <figure className={styles.chart}>
              <figcaption>
                <Body1>
                  <strong>Average pulse by week</strong> (1–5; weeks with {MIN_PEOPLE} people or more)
                </Body1>
              </figcaption>
              <div className={styles.plot}>
                <LineChart
                  height={260}
                  yMinValue={1}
                  yMaxValue={5}
                  data={{
                    chartTitle: 'Average pulse by week',
                    lineChartData: [{ legend: 'Average pulse', color: colour.pulse, data: pulseWeeks.map((w) => ({ x: new Date(`${w.week}T12:00:00Z`), y: w.pulse.value })) }],
                  }}
                />
              </div>
            </figure>
          )}
        </div>
      ) : (
        <>
          <div className={styles.table}>
            <Table aria-label="Sessions by week" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Week from</TableHeaderCell>
                  <TableHeaderCell>Held</TableHeaderCell>
                  <TableHeaderCell>Planned</TableHeaderCell>
                  <TableHeaderCell>Cancelled</TableHeaderCell>
                  <TableHeaderCell>Average pulse</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {health.weeks.map((w) => (
                  <TableRow key={w.week}>
                    <TableCell>{dateOf(w.week)}</TableCell>
                    <TableCell>{w.held}</TableCell>
                    <TableCell>{w.planned}</TableCell>
                    <TableCell>{w.cancelled}</TableCell>
                    <TableCell>{pulse(w.pulse)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <GroupTable label="Department" groups={health.byDepartment} pulse={pulse} />
          <GroupTable label="Location" groups={health.byLocation} pulse={pulse} />
        </>
      )}
      <EvaluationTable results={health.evaluation} pulse={pulse} />
      <Body1>
        <strong>Pairs at risk ({atRisk.length})</strong>
      </Body1>
      {atRisk.length === 0 ? (
        <Caption1>No pair has gone twice its cadence without meeting, and no executive has cancelled twice in a row.</Caption1>
      ) : (
        <ul aria-label="Pairs at risk" className={styles.list}>
          {atRisk.map((p) => {
            const key = `${p.executiveId}|${p.mentorId}`;
            return (
              <li key={key} className={styles.item}>
                <div className={styles.row}>
                  <Body1>
                    {nameOf(p.executiveId)} with {nameOf(p.mentorId)}:{' '}
                    {p.risk === 'executive cancelled' ? 'the executive cancelled the last two sessions' : p.lastMet ? `last met ${dateOf(p.lastMet)}` : 'no session recorded yet'}.
                  </Body1>
                  {nudged.has(key) ? (
                    <Caption1 role="status">{nudged.get(key)}</Caption1>
                  ) : (
                    <Button size="small" aria-label={`Remind them: ${nameOf(p.executiveId)} and ${nameOf(p.mentorId)}, in Teams`} onClick={() => void remind(p)}>
                      Remind them
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {health.paused.length > 0 && (
        <>
          <Body1>
            <strong>Paused ({health.paused.length})</strong>
          </Body1>
          <ul aria-label="Paused" className={styles.list}>
            {health.paused.map((p) => (
              <li key={p.id} className={styles.item}>
                <Body1>
                  {nameOf(p.id)}, back on {dateOf(p.until)}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      {endings.length > 0 && (
        <>
          <Body1>
            <strong>Pairings ended early ({endings.length})</strong>
          </Body1>
          <ul aria-label="Pairings ended early" className={styles.list}>
            {endings.map((e) => (
              <li key={`${e.by}|${e.with}|${e.at}`} className={styles.item}>
                <Body1>
                  {nameOf(e.by)} ended the pairing with {nameOf(e.with)} on {dateOf(e.at.slice(0, 10))}
                  {e.reason ? `: “${e.reason}”` : ', without saying why.'}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      {lines.length > 0 && (
        <>
          <Body1>
            <strong>Lines to the owners ({lines.length})</strong>
          </Body1>
          <ul aria-label="Lines to the owners" className={styles.list}>
            {lines.map((l) => (
              <li key={`${l.by}|${l.session}|${l.note}`} className={styles.item}>
                <Body1>
                  “{l.note}” — {nameOf(l.by)}, after the session of {dateOf(l.session)}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionCard>
  );
}
