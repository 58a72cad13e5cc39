import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useServices } from '@/context/services-context';
import { LANGUAGE_CODES } from '@/domain/matching/languages';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  topics: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  unrecognised: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const MAX_WORDS = 200;

/** The profile as the form edits it. */
export interface Draft {
  mentor: boolean;
  capacity: string;
  canTeach: string[];
  teach: string;
  mentee: boolean;
  wantsToLearn: string[];
  learn: string;
  /** Language codes (BCP 47 primary subtags) chosen from the list. */
  languages: string[];
  /** What an earlier profile stored that is no language code: shown, and kept unless removed. */
  unrecognised: string[];
}

/** Names languages in the reader's language (the host's locale), falling back to the code. */
function useLanguageNames(): (code: string) => string {
  const { host } = useServices();
  const locale = host.context.locale;
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
    } catch {
      names = undefined;
    }
    return (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

function LanguageChoices(props: { chosen: string[]; unrecognised: string[]; onChange: (change: Pick<Draft, 'languages' | 'unrecognised'>) => void }) {
  const styles = useStyles();
  const nameOf = useLanguageNames();
  const [query, setQuery] = useState('');
  const options = useMemo(
    () => [...new Set([...LANGUAGE_CODES, ...props.chosen])].map((code) => ({ code, name: nameOf(code) })).sort((a, b) => a.name.localeCompare(b.name)),
    [nameOf, props.chosen],
  );
  const wanted = query.trim().toLowerCase();
  const shown = options.filter((o) => !props.chosen.includes(o.code) && (!wanted || o.name.toLowerCase().includes(wanted) || o.code === wanted));
  return (
    <>
      <Field label="Languages you can mentor or be mentored in" hint="Type to find a language; choose as many as you speak">
        <TagPicker
          selectedOptions={props.chosen}
          onOptionSelect={(_, data) => {
            if (data.value === '') return;
            props.onChange({ languages: data.selectedOptions, unrecognised: props.unrecognised });
            setQuery('');
          }}
        >
          <TagPickerControl>
            <TagPickerGroup aria-label="Languages chosen">
              {props.chosen.map((code) => (
                <Tag key={code} value={code} shape="rounded" dismissible aria-label={`Remove ${nameOf(code)}`}>
                  {nameOf(code)}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput value={query} onChange={(event) => setQuery(event.target.value)} />
          </TagPickerControl>
          <TagPickerList>
            {shown.length > 0 ? (
              shown.map((o) => (
                <TagPickerOption key={o.code} value={o.code} text={o.name} secondaryContent={o.code}>
                  {o.name}
                </TagPickerOption>
              ))
            ) : (
              <TagPickerOption value="" text="">
                No language matches “{query}”
              </TagPickerOption>
            )}
          </TagPickerList>
        </TagPicker>
      </Field>
      {props.unrecognised.length > 0 && (
        <div className={styles.fieldset}>
          <Caption1>Your profile also lists these, which are not recognised as languages. Choose the language from the list above, then remove them.</Caption1>
          <ul aria-label="Not recognised as languages" className={styles.unrecognised}>
            {props.unrecognised.map((text) => (
              <li key={text} className={styles.row}>
                <Body1>“{text}”: not recognised</Body1>
                <Button size="small" onClick={() => props.onChange({ languages: props.chosen, unrecognised: props.unrecognised.filter((t) => t !== text) })}>
                  Remove “{text}”
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function TopicChoices(props: { legend: string; chosen: string[]; onChange: (topics: string[]) => void }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Body1>{props.legend}</Body1>
      </legend>
      <div className={styles.topics}>
        {TOPIC_CATALOGUE.map((topic) => (
          <Checkbox
            key={topic.id}
            label={topic.label}
            checked={props.chosen.includes(topic.id)}
            onChange={(_, data) => props.onChange(data.checked ? [...props.chosen, topic.id] : props.chosen.filter((t) => t !== topic.id))}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Opting in or editing the profile: its code loads when someone opens it (Opt in, Edit). */
export function ProfileForm({
  draft,
  update,
  saving,
  error,
  onSave,
  onCancel,
}: {
  draft: Draft;
  update: (change: Partial<Draft>) => void;
  saving: boolean;
  error: string | undefined;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <Checkbox label="I would like to be a reverse mentor" checked={draft.mentor} onChange={(_, d) => update({ mentor: Boolean(d.checked) })} />
      {draft.mentor && (
        <>
          <Field label="How many executives can you take?">
            <RadioGroup layout="horizontal" value={draft.capacity} onChange={(_, d) => update({ capacity: d.value })}>
              {['1', '2', '3'].map((n) => (
                <Radio key={n} value={n} label={n} />
              ))}
            </RadioGroup>
          </Field>
          <TopicChoices legend="What can you teach?" chosen={draft.canTeach} onChange={(canTeach) => update({ canTeach })} />
          <Field label="In your own words (optional)" hint={`${draft.teach.length} of ${MAX_WORDS} characters`}>
            <Textarea value={draft.teach} maxLength={MAX_WORDS} onChange={(_, d) => update({ teach: d.value })} />
          </Field>
        </>
      )}
      <Checkbox label="I would like a reverse mentor" checked={draft.mentee} onChange={(_, d) => update({ mentee: Boolean(d.checked) })} />
      {draft.mentee && (
        <>
          <TopicChoices legend="What do you want to learn?" chosen={draft.wantsToLearn} onChange={(wantsToLearn) => update({ wantsToLearn })} />
          <Field label="In your own words (optional)" hint={`${draft.learn.length} of ${MAX_WORDS} characters`}>
            <Textarea value={draft.learn} maxLength={MAX_WORDS} onChange={(_, d) => update({ learn: d.value })} />
          </Field>
        </>
      )}
      <LanguageChoices chosen={draft.languages} unrecognised={draft.unrecognised} onChange={update} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
