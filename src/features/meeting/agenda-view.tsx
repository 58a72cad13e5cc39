import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import {
  addItem,
  agreeConduct,
  alternativesOf,
  assign,
  clockOf,
  deleteItem,
  editNotes,
  editText,
  entryOf,
  itemOf,
  liveItems,
  moveItem,
  needsGuidedStart,
  restoreItem,
  review,
  sessionView,
  setConduct,
  setCurrent,
  setDone,
  setExpectations,
  setGoals,
  valueOf,
  type AgendaDoc,
  type AgendaItem,
  type Clock,
  type Editor,
  type Owner,
  type Placement,
  type Register,
} from '@/domain/agenda/agenda';
import { AGENDA_LIMITS } from '@/domain/agenda/limits';
import type { AgendaSyncState } from '@/services/agenda/agenda-sync';
import type { TimerState } from '@/services/agenda/live-agenda';
import type { PairAgenda, PairPeople } from '@/application/meeting/open-pair-agenda';
import { useAgendaSync } from './use-pair-agenda';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  heading: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottomWidth: '1px',
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  current: {
    borderInlineStartWidth: '3px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  grow: { flexGrow: 1, minWidth: 0 },
  fill: { width: '100%' },
  compact: { minWidth: 'auto' },
  timer: { fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  stageItem: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  alternative: { color: tokens.colorNeutralForeground2 },
  quiet: { color: tokens.colorNeutralForeground2 },
  // Goals and the code of conduct keep the line breaks they were written with; long words wrap.
  prose: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  over: { color: tokens.colorPaletteRedForeground1 },
});

/** Item text grows with what is written, so nothing is cut off at 320 px (the browser sizes the field to its content). */
const GROW: CSSProperties = { fieldSizing: 'content', minHeight: 'auto' } as CSSProperties;

/** How many characters are written of how many can be saved: shown once near the limit (always for long text), and why it will not save past it. */
function Count({ length, max, always, id }: { length: number; max: number; always?: boolean; id: string }) {
  const styles = useStyles();
  if (!always && length < max * 0.8) return null;
  const n = (v: number) => v.toLocaleString();
  return length > max ? (
    <Caption1 id={id} className={styles.over} role="alert">
      {n(length)} / {n(max)} characters: too long to save. Shorten it; until then it is kept only here.
    </Caption1>
  ) : (
    <Caption1 id={id}>
      {n(length)} / {n(max)} characters
    </Caption1>
  );
}

type Layout = 'panel' | 'page' | 'stage';
type Edit = (change: (doc: AgendaDoc, editor: Editor) => AgendaDoc) => void;

const formatSession = (session: string, locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${session}T12:00:00Z`));

/**
 * A text field that keeps what is typed locally and writes it to the agenda when the person
 * pauses, presses Enter or leaves the field; what the other person writes shows while this field
 * is not being edited. Each write carries the clock of the text the person started from, so words
 * the other person saved meanwhile are kept beside these, not overwritten. Past `max` characters
 * it says so and writes nothing until the text is shortened.
 */
function EditableText(props: {
  register: Register<string>;
  max: number;
  onCommit: (value: string, base: Clock) => void;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  textClassName?: string | undefined;
}) {
  const value = valueOf(props.register) ?? '';
  const base = clockOf(props.register);
  const baseKey = JSON.stringify(base);
  const [draft, setDraft] = useState(value);
  const countId = useId();
  // Typed and not yet written: the other person's words wait until then.
  const typing = useRef(false);
  // The clock of what the draft started from (what this person saw).
  const started = useRef(base);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (typing.current) return;
    setDraft(value);
    started.current = JSON.parse(baseKey) as Clock;
  }, [value, baseKey]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (next: string) => {
    clearTimeout(timer.current);
    if (next.length > props.max) return;
    typing.current = false;
    if (next !== value) props.onCommit(next, started.current);
  };
  const change = (next: string) => {
    typing.current = true;
    setDraft(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), 700);
  };
  const common = {
    value: draft,
    ...(props.className ? { className: props.className } : {}),
    'aria-label': props.label,
    'aria-describedby': countId,
    'aria-invalid': draft.length > props.max,
    placeholder: props.placeholder,
    onBlur: () => {
      if (typing.current) commit(draft);
    },
  };
  return (
    <>
      {props.multiline ? (
        <Textarea {...common} resize="vertical" textarea={props.textClassName ? { className: props.textClassName } : {}} onChange={(_, d) => change(d.value)} />
      ) : (
        // One paragraph that wraps: Enter writes it, as in a one-line field.
        <Textarea
          {...common}
          resize="none"
          textarea={{ style: GROW, ...(props.textClassName ? { className: props.textClassName } : {}) }}
          onChange={(_, d) => change(d.value.replace(/\r?\n/g, ' '))}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            commit(draft);
          }}
        />
      )}
      <Count id={countId} length={draft.length} max={props.max} always={props.multiline === true} />
    </>
  );
}

/** Other words written at the same time as the shown ones: kept, with who wrote them, one click to use. */
function Alternatives({ register, people, onUse }: { register: Register<string>; people: PairPeople; onUse: (value: string) => void }) {
  const styles = useStyles();
  const nameOf = (id: string) => (id === people.executive.id ? people.executive.name : id === people.mentor.id ? people.mentor.name : 'Someone');
  return (
    <>
      {alternativesOf(register).map((alt, i) => (
        <div key={i} className={styles.row}>
          <Caption1 className={styles.alternative}>
            {nameOf(alt.by)} also wrote: “{alt.value}”
          </Caption1>
          <Button size="small" appearance="subtle" onClick={() => onUse(alt.value)}>
            Use this
          </Button>
        </div>
      ))}
    </>
  );
}

/**
 * One item. ↑ and ↓ move it past its neighbour in the list it is shown in (`previous`, `next`: their
 * ids), wherever those are among all the items.
 */
function ItemRow(props: {
  item: AgendaItem;
  previous: string | undefined;
  next: string | undefined;
  current: boolean;
  people: PairPeople;
  edit: Edit;
  readOnly: boolean;
  onRemove: (item: AgendaItem) => void;
}) {
  const styles = useStyles();
  const { item, people, edit } = props;
  const text = valueOf(item.text) ?? '';
  const move = (to: Placement) => edit((doc, editor) => moveItem(doc, editor, item.id, to));
  const up = () => props.previous && move({ before: props.previous });
  const down = () => props.next && move({ after: props.next });
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Alt+↑ / Alt+↓ move the item, as in Teams lists.
    if (!event.altKey || props.readOnly) return;
    if (event.key === 'ArrowUp') up();
    if (event.key === 'ArrowDown') down();
  };
  if (props.readOnly) {
    return (
      <li className={mergeClasses(styles.item, props.current && styles.current)}>
        <Body1 className={mergeClasses(styles.stageItem, styles.prose, item.done.value && styles.done)}>{text}</Body1>
      </li>
    );
  }
  return (
    <li className={mergeClasses(styles.item, props.current && styles.current)} onKeyDown={onKeyDown} aria-label={text || 'Untitled item'}>
      <div className={styles.row}>
        <Checkbox checked={item.done.value} onChange={(_, d) => edit((doc, editor) => setDone(doc, editor, item.id, d.checked === true))} aria-label={`Done: ${text}`} />
        <div className={styles.grow}>
          <EditableText
            className={styles.fill}
            textClassName={item.done.value ? styles.done : undefined}
            register={item.text}
            max={AGENDA_LIMITS.itemText}
            label="Item"
            onCommit={(value, base) => edit((doc, editor) => editText(doc, editor, item.id, value, base))}
          />
        </div>
      </div>
      <Alternatives register={item.text} people={people} onUse={(value) => edit((doc, editor) => editText(doc, editor, item.id, value))} />
      <div className={styles.row}>
        <Select
          size="small"
          aria-label={`Who takes “${text}”`}
          value={item.owner.value ?? ''}
          onChange={(_, d) => edit((doc, editor) => assign(doc, editor, item.id, (d.value || null) as Owner))}
        >
          <option value="">Either of us</option>
          <option value="executive">{people.executive.name}</option>
          <option value="mentor">{people.mentor.name}</option>
        </Select>
        <Button size="small" appearance={props.current ? 'primary' : 'secondary'} onClick={() => edit((doc, editor) => setCurrent(doc, editor, props.current ? null : item.id))}>
          {props.current ? 'Discussing' : 'Discuss now'}
        </Button>
        <Button size="small" appearance="subtle" className={styles.compact} disabled={!props.previous} onClick={up} aria-label={`Move “${text}” up`}>
          ↑
        </Button>
        <Button size="small" appearance="subtle" className={styles.compact} disabled={!props.next} onClick={down} aria-label={`Move “${text}” down`}>
          ↓
        </Button>
        <Button size="small" appearance="subtle" className={styles.compact} onClick={() => props.onRemove(item)} aria-label={`Remove “${text}”`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

function Timer({
  timer,
  onStart,
  onPause,
  onResume,
  large,
}: {
  timer: TimerState | undefined;
  onStart?: (ms: number) => void;
  onPause?: () => void;
  onResume?: () => void;
  large?: boolean;
}) {
  const styles = useStyles();
  const [, tick] = useState(0);
  useEffect(() => {
    if (!timer?.running) return;
    const id = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [timer?.running]);
  const remaining = timer ? Math.max(0, timer.remainingMs - (timer.running ? Date.now() - timer.at : 0)) : undefined;
  const text = remaining === undefined ? '--:--' : `${String(Math.floor(remaining / 60_000)).padStart(2, '0')}:${String(Math.floor((remaining % 60_000) / 1000)).padStart(2, '0')}`;
  return (
    <div className={styles.row}>
      <span className={large ? styles.timer : undefined} role="timer" aria-label="Time left on this item">
        {text}
      </span>
      {onStart && (
        <>
          <Button size="small" onClick={() => onStart(5 * 60_000)}>
            5 min
          </Button>
          <Button size="small" onClick={() => onStart(10 * 60_000)}>
            10 min
          </Button>
          {timer?.running ? (
            <Button size="small" onClick={onPause}>
              Pause
            </Button>
          ) : (
            timer &&
            remaining! > 0 && (
              <Button size="small" onClick={onResume}>
                Resume
              </Button>
            )
          )}
        </>
      )}
    </div>
  );
}

function Status({ state, people, me }: { state: AgendaSyncState; people: PairPeople; me: string }) {
  const here = state.participants.map((p) => (p.person === me ? 'you' : p.name));
  const styles = useStyles();
  const partner = people.executive.id === me ? people.mentor.name : people.executive.name;
  const offline = state.save === 'offline' || state.live === 'disconnected';
  return (
    <div role="status" aria-live="polite">
      <Caption1>
        {offline
          ? 'Offline — your edits are kept and will catch up when you reconnect.'
          : state.save === 'saving' || state.save === 'unsaved'
            ? 'Saving to your pair workspace…'
            : state.save === 'loading'
              ? 'Loading…'
              : 'Saved in your pair workspace.'}
        {state.live === 'connected' && here.length > 0 && ` Here now: ${here.join(', ')}.`}
        {state.live === 'off' && ` Live editing connects when ${partner} joins.`}
      </Caption1>
      {state.live === 'unavailable' && (
        <Caption1 block className={styles.quiet}>
          Live editing isn’t available here, so {partner} sees your changes the next time they open the agenda.
        </Caption1>
      )}
      {state.deviceCopy === 'off' && (
        <Caption1 block className={styles.quiet}>
          This device has no room to keep an offline copy, so your edits are saved straight to your pair workspace. Stay online until it says saved.
        </Caption1>
      )}
    </div>
  );
}

/** A workspace file that could not be read whole: what is shown is what could be read; repairing saves it so. */
function Damaged({ dropped, onRepair }: { dropped: readonly string[]; onRepair: (() => void) | undefined }) {
  const shown = dropped.slice(0, 5);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        Part of your agenda file could not be read, so it is not shown: {shown.join('; ')}
        {dropped.length > shown.length ? `; and ${dropped.length - shown.length} more` : ''}. Everything else is here.
        {onRepair && ' Repairing saves what is shown, so the file opens normally again.'}
      </MessageBarBody>
      {onRepair && (
        <MessageBarActions>
          <Button size="small" onClick={onRepair}>
            Repair
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function GuidedStart({ doc, people, me, edit }: { doc: AgendaDoc; people: PairPeople; me: string; edit: Edit }) {
  const styles = useStyles();
  const conduct = valueOf(doc.conduct) ?? '';
  const agreedBy = [people.executive, people.mentor].filter((p) => entryOf(doc.agreed, p.id)?.value === conduct);
  return (
    <section className={styles.section} aria-labelledby="guided-start">
      <Subtitle2 as="h2" id="guided-start" className={styles.heading}>
        Your first session
      </Subtitle2>
      <Body1>Good pairings start by saying what each of you hopes for, setting goals together and agreeing how you will work.</Body1>
      <Field label="What I hope to get from this pairing">
        <EditableText
          multiline
          register={entryOf(doc.expectations, me) ?? []}
          max={AGENDA_LIMITS.text}
          label="What I hope to get from this pairing"
          onCommit={(v, base) => edit((d, e) => setExpectations(d, e, v, base))}
        />
      </Field>
      {[people.executive, people.mentor]
        .filter((p) => p.id !== me && valueOf(entryOf(doc.expectations, p.id) ?? []))
        .map((p) => (
          <Caption1 key={p.id}>
            {p.name} hopes: {valueOf(entryOf(doc.expectations, p.id) ?? [])}
          </Caption1>
        ))}
      <Field label="Our goals">
        <EditableText multiline register={doc.goals} max={AGENDA_LIMITS.text} label="Our goals" onCommit={(v, base) => edit((d, e) => setGoals(d, e, v, base))} />
      </Field>
      <Alternatives register={doc.goals} people={people} onUse={(v) => edit((d, e) => setGoals(d, e, v))} />
      <Field label="Our code of conduct">
        <EditableText multiline register={doc.conduct} max={AGENDA_LIMITS.text} label="Our code of conduct" onCommit={(v, base) => edit((d, e) => setConduct(d, e, v, base))} />
      </Field>
      <Alternatives register={doc.conduct} people={people} onUse={(v) => edit((d, e) => setConduct(d, e, v))} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={entryOf(doc.agreed, me)?.value === conduct} onClick={() => edit((d, e) => agreeConduct(d, e))}>
          I agree to this code of conduct
        </Button>
        <Caption1>{agreedBy.length === 0 ? 'Neither of you has agreed yet.' : `Agreed: ${agreedBy.map((p) => p.name).join(' and ')}.`}</Caption1>
      </div>
    </section>
  );
}

function Review({ doc, session, me, edit }: { doc: AgendaDoc; session: string; me: string; edit: Edit }) {
  const styles = useStyles();
  const saved = valueOf(entryOf(doc.reviews, `${session}/${me}`) ?? []);
  const [useful, setUseful] = useState(saved ? String(saved.useful) : '');
  const [learnt, setLearnt] = useState(saved?.learnt ?? '');
  return (
    <section className={styles.section} aria-labelledby="review">
      <Subtitle2 as="h2" id="review" className={styles.heading}>
        After the session
      </Subtitle2>
      <Field label="How useful was it?">
        <RadioGroup layout="horizontal" value={useful} onChange={(_, d) => setUseful(d.value)}>
          {['1', '2', '3', '4', '5'].map((v) => (
            <Radio key={v} value={v} label={v} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="One thing I learnt"
        validationState={learnt.length > AGENDA_LIMITS.learnt ? 'error' : 'none'}
        validationMessage={`${learnt.length.toLocaleString()} / ${AGENDA_LIMITS.learnt.toLocaleString()} characters${learnt.length > AGENDA_LIMITS.learnt ? ': too long to save' : ''}`}
      >
        <Input value={learnt} onChange={(_, d) => setLearnt(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button disabled={!useful || learnt.length > AGENDA_LIMITS.learnt} onClick={() => edit((d, e) => review(d, e, session, { useful: Number(useful), learnt: learnt.trim() }))}>
          Save my review
        </Button>
        {saved && <Caption1>Saved. Only the two of you can see it.</Caption1>}
      </div>
    </section>
  );
}

function History({ doc, session, people, locale }: { doc: AgendaDoc; session: string; people: PairPeople; locale: string }) {
  const styles = useStyles();
  // A session is past once it had items or anyone reviewed it (a session can be reviewed with no items).
  const reviewed = Object.keys(doc.reviews).map((key) => key.split('/')[0]!);
  const sessions = [...new Set([...liveItems(doc).map((i) => i.session), ...reviewed])]
    .filter((s) => s < session)
    .sort()
    .reverse();
  return (
    <section className={styles.section} aria-labelledby="history">
      <Subtitle2 as="h2" id="history" className={styles.heading}>
        Earlier sessions
      </Subtitle2>
      {sessions.length === 0 && <Caption1>No earlier sessions yet: what you talk about and your reviews are kept here.</Caption1>}
      {sessions.map((s) => (
        <div key={s}>
          <Body1>
            <strong>{formatSession(s, locale)}</strong>
          </Body1>
          <ul className={styles.list}>
            {liveItems(doc)
              .filter((i) => i.session === s)
              .map((i) => (
                <li key={i.id}>
                  <Caption1 className={i.done.value ? styles.done : undefined}>{valueOf(i.text)}</Caption1>
                </li>
              ))}
          </ul>
          {[people.executive, people.mentor].map((p) => {
            const r = valueOf(entryOf(doc.reviews, `${s}/${p.id}`) ?? []);
            return r ? (
              <Caption1 key={p.id} block>
                {p.name}: {r.useful}/5{r.learnt ? ` — “${r.learnt}”` : ''}
              </Caption1>
            ) : null;
          })}
        </div>
      ))}
    </section>
  );
}

/** The pair's agenda in a side panel (compact), a tab (with history) or on the meeting stage (large, read-only). */
export function AgendaView({ agenda, layout, locale }: { agenda: PairAgenda; layout: Layout; locale: string }) {
  const styles = useStyles();
  const { state, edit } = useAgendaSync(agenda.status === 'ready' ? agenda.sync : undefined);
  const [newItem, setNewItem] = useState('');
  const newCountId = useId();
  // The last item removed here, so it can be brought back.
  const [removed, setRemoved] = useState<{ id: string; text: string } | undefined>(undefined);

  const Heading = layout === 'panel' ? Title3 : Title2;
  // In the workspace tab the page's heading is "Pair workspace"; the agenda is a part of it.
  const title = (
    <Heading as={layout === 'page' ? 'h2' : 'h1'} className={styles.heading}>
      Session agenda
    </Heading>
  );
  if (agenda.status !== 'ready' || !state) {
    return (
      <div className={styles.root}>
        {title}
        {agenda.status === 'resolving' ? (
          <Spinner size="small" label="Opening your agenda…" />
        ) : agenda.status === 'unlinked' ? (
          <MessageBar intent="info">
            <MessageBarBody>
              {agenda.reason === undefined || agenda.reason === 'no-pairs'
                ? 'This meeting is not linked to a pair yet. Book your sessions in the Reverse mentoring app: the meeting it creates carries your shared agenda.'
                : 'This meeting is not one of your mentoring sessions, so no agenda is shown here. Your pair’s agenda is in the meeting your booking created.'}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The agenda could not be opened</MessageBarTitle>
              {agenda.status === 'failed' ? agenda.message : 'Try again in a moment.'}
            </MessageBarBody>
            {agenda.status === 'failed' && agenda.retry && (
              <MessageBarActions>
                <Button onClick={agenda.retry}>Try again</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
    );
  }
  const { people, me, session } = agenda;
  const doc = state.doc;
  const view = sessionView(doc, session);
  const current = doc.current.value ? itemOf(doc, doc.current.value) : undefined;
  const live = agenda.sync;
  const liveControls = state.live === 'connected';
  const add = () => {
    const text = newItem.trim();
    if (!text || text.length > AGENDA_LIMITS.itemText) return;
    const id = crypto.randomUUID();
    edit((d, e) => addItem(d, e, { id, text, session }));
    setNewItem('');
  };
  const remove = (item: AgendaItem) => {
    edit((d, e) => deleteItem(d, e, item.id));
    setRemoved({ id: item.id, text: valueOf(item.text) ?? '' });
  };
  const undoRemove = () => {
    if (!removed) return;
    edit((d, e) => (itemOf(d, removed.id)?.deleted.value ? restoreItem(d, e, removed.id) : d));
    setRemoved(undefined);
  };
  const timerActions = liveControls
    ? {
        onStart: (ms: number) => live.startTimer(ms),
        onPause: () => live.pauseTimer(),
        onResume: () => live.resumeTimer(),
      }
    : {};

  const list = (items: AgendaItem[], label: string) => (
    <ul className={styles.list} aria-label={label}>
      {items.map((item, index) => (
        <ItemRow
          key={item.id}
          item={item}
          previous={items[index - 1]?.id}
          next={items[index + 1]?.id}
          current={item.id === current?.id}
          people={people}
          edit={edit}
          readOnly={layout === 'stage'}
          onRemove={remove}
        />
      ))}
    </ul>
  );

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        {title}
        <div className={styles.row}>
          <Caption1>
            {people.executive.name} and {people.mentor.name} · {formatSession(session, locale)}
          </Caption1>
          {state.live === 'connected' && (
            <Badge appearance="tint" color="success">
              Live
            </Badge>
          )}
        </div>
        {layout !== 'stage' && <Status state={state} people={people} me={me} />}
      </div>
      {state.damaged && <Damaged dropped={state.damaged} onRepair={layout === 'stage' ? undefined : () => void live.repair()} />}
      {layout !== 'stage' && needsGuidedStart(doc, [people.executive.id, people.mentor.id]) && <GuidedStart doc={doc} people={people} me={me} edit={edit} />}
      <section className={styles.section} aria-labelledby="now">
        <Subtitle2 as="h2" id="now" className={styles.heading}>
          Now discussing
        </Subtitle2>
        <Body1 className={layout === 'stage' ? styles.stageItem : undefined}>{current ? valueOf(current.text) : 'Choose an item and select “Discuss now”.'}</Body1>
        <Timer timer={state.timer} large={layout !== 'panel'} {...(layout === 'stage' ? {} : timerActions)} />
        {current && layout !== 'stage' && (
          <Field label="Notes on this item">
            <EditableText
              multiline
              register={current.notes}
              max={AGENDA_LIMITS.text}
              label="Notes on this item"
              onCommit={(v, base) => edit((d, e) => editNotes(d, e, current.id, v, base))}
            />
          </Field>
        )}
        {current && <Alternatives register={current.notes} people={people} onUse={(v) => edit((d, e) => editNotes(d, e, current.id, v))} />}
      </section>
      {removed && layout !== 'stage' && (
        <MessageBar intent="info">
          <MessageBarBody>Removed “{removed.text}”.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={undoRemove}>
              Undo
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {view.carried.length > 0 && (
        <section className={styles.section} aria-labelledby="carried">
          <Subtitle2 as="h2" id="carried" className={styles.heading}>
            Carried over from last time
          </Subtitle2>
          {list(view.carried, 'Carried over from last time')}
        </section>
      )}
      <section className={styles.section} aria-labelledby="items">
        <Subtitle2 as="h2" id="items" className={styles.heading}>
          This session
        </Subtitle2>
        {view.items.length === 0 ? <Caption1>Nothing yet. Add what you want to talk about.</Caption1> : list(view.items, 'This session')}
        {layout !== 'stage' && (
          <div className={styles.row}>
            <Input
              className={styles.grow}
              value={newItem}
              placeholder="Add an item"
              aria-label="New agenda item"
              aria-describedby={newCountId}
              aria-invalid={newItem.trim().length > AGENDA_LIMITS.itemText}
              onChange={(_, d) => setNewItem(d.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') add();
              }}
            />
            <Button appearance="primary" onClick={add} disabled={!newItem.trim() || newItem.trim().length > AGENDA_LIMITS.itemText}>
              Add
            </Button>
          </div>
        )}
        {layout !== 'stage' && <Count id={newCountId} length={newItem.trim().length} max={AGENDA_LIMITS.itemText} />}
      </section>
      {layout !== 'stage' && !needsGuidedStart(doc, [people.executive.id, people.mentor.id]) && (
        <section className={styles.section} aria-labelledby="goals">
          <Subtitle2 as="h2" id="goals" className={styles.heading}>
            Our goals
          </Subtitle2>
          <Body1 className={styles.prose}>{valueOf(doc.goals)}</Body1>
          {layout !== 'page' && <Caption1 className={styles.prose}>Code of conduct: {valueOf(doc.conduct)}</Caption1>}
        </section>
      )}
      {layout === 'page' && !needsGuidedStart(doc, [people.executive.id, people.mentor.id]) && (
        <section className={styles.section} aria-labelledby="conduct">
          <Subtitle2 as="h2" id="conduct" className={styles.heading}>
            Our code of conduct
          </Subtitle2>
          <Body1 className={styles.prose}>{valueOf(doc.conduct)}</Body1>
          <Caption1>
            Agreed by {people.executive.name} and {people.mentor.name}.
          </Caption1>
        </section>
      )}
      {layout !== 'stage' && <Review doc={doc} session={session} me={me} edit={edit} />}
      {layout === 'page' && <History doc={doc} session={session} people={people} locale={locale} />}
    </div>
  );
}
