import { Body1, Button, Checkbox, Combobox, Field, makeStyles, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { LANGUAGE_CODES, sortStoredLanguages } from '@/domain/matching/languages';
import { TOPIC_CATALOGUE } from '@/domain/matching/profile';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  topics: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  chosen: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
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
  /** What they hope to get from it, in their words. */
  hope: string;
  /**
   * The languages as stored: codes chosen from the list, and whatever an earlier profile stored that
   * is no language code (shown as not recognised, and kept unless removed).
   */
  languages: string[];
}

/** Names languages in the reader's language (the host's locale), falling back to the code. */
function useLanguageNames(locale: string): (code: string) => string {
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

function LanguageChoices(props: { languages: string[]; locale: string; onChange: (languages: string[]) => void }) {
  const styles = useStyles();
  const nameOf = useLanguageNames(props.locale);
  const [query, setQuery] = useState('');
  const { codes, unrecognised } = sortStoredLanguages(props.languages);
  const options = useMemo(
    () => [...new Set([...LANGUAGE_CODES, ...codes])].map((code) => ({ code, name: nameOf(code) })).sort((a, b) => a.name.localeCompare(b.name)),
    // codes is a new array each render: its contents are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nameOf, codes.join()],
  );
  const wanted = query.trim().toLowerCase();
  const shown = options.filter((o) => !wanted || o.name.toLowerCase().includes(wanted) || o.code === wanted);
  return (
    <>
      <Field label="Languages you can mentor or be mentored in" hint="Type to find a language; choose as many as you speak">
        <Combobox
          multiselect
          placeholder="Find a language"
          value={query}
          selectedOptions={[...codes]}
          onChange={(event) => setQuery(event.target.value)}
          onOptionSelect={(_, data) => {
            if (!data.optionValue) return;
            props.onChange([...data.selectedOptions, ...unrecognised]);
            setQuery('');
          }}
        >
          {shown.map((o) => (
            <Option key={o.code} value={o.code} text={o.name}>
              {o.name}
            </Option>
          ))}
        </Combobox>
      </Field>
      <ul aria-label="Languages chosen" className={styles.chosen}>
        {codes.map((code) => (
          <li key={code} className={styles.row}>
            <Body1>{nameOf(code)}</Body1>
            <Button size="small" aria-label={`Remove ${nameOf(code)}`} onClick={() => props.onChange([...codes.filter((c) => c !== code), ...unrecognised])}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {unrecognised.length > 0 && (
        <div className={styles.fieldset}>
          <Body1>Your profile also lists these, which are not recognised as languages. Choose the language from the list above, then remove them.</Body1>
          <ul aria-label="Not recognised as languages" className={styles.chosen}>
            {unrecognised.map((text) => (
              <li key={text} className={styles.row}>
                <Body1>“{text}”: not recognised</Body1>
                <Button size="small" onClick={() => props.onChange([...codes, ...unrecognised.filter((t) => t !== text)])}>
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
  locale,
}: {
  draft: Draft;
  /** The reader's locale (the host's): languages are named in it. */
  locale: string;
  update: (change: Partial<Draft>) => void;
  saving: boolean;
  error: string | undefined;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  // Nothing typed is cut off: words over the limit stay in the box, said where they are, and the profile saves once they fit.
  const tooLong = [draft.mentor && draft.teach, draft.mentee && draft.learn, draft.mentee && draft.hope].some((words) => words && words.length > MAX_WORDS);
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        // Stored as codes (an old "pt-BR" saves as "pt"), with what is not recognised kept after them.
        const { codes, unrecognised } = sortStoredLanguages(draft.languages);
        onSave({ ...draft, languages: [...codes, ...unrecognised] });
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
          <WordsField
            label="In your own words (optional)"
            readers="Shown to executives who consider you and to those you mentor."
            value={draft.teach}
            onChange={(teach) => update({ teach })}
          />
        </>
      )}
      <Checkbox label="I would like a reverse mentor" checked={draft.mentee} onChange={(_, d) => update({ mentee: Boolean(d.checked) })} />
      {draft.mentee && (
        <>
          <TopicChoices legend="What do you want to learn?" chosen={draft.wantsToLearn} onChange={(wantsToLearn) => update({ wantsToLearn })} />
          <WordsField label="In your own words (optional)" readers="Shown to the reverse mentors you ask and to yours." value={draft.learn} onChange={(learn) => update({ learn })} />
          <WordsField
            label="What do you hope to get from the programme? (optional)"
            readers="Shown to the reverse mentors you ask and to yours."
            value={draft.hope}
            onChange={(hope) => update({ hope })}
          />
        </>
      )}
      <LanguageChoices languages={draft.languages} locale={locale} onChange={(languages) => update({ languages })} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={saving || tooLong}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Free words with their count where they are typed; over the limit, the field says by how much (nothing is cut off). */
function WordsField({ label, readers, value, onChange }: { label: string; readers: string; value: string; onChange: (value: string) => void }) {
  const over = value.length - MAX_WORDS;
  return (
    <Field
      label={label}
      {...(over > 0
        ? { validationState: 'error' as const, validationMessage: `${value.length} of ${MAX_WORDS} characters: shorten it by ${over} to save.` }
        : { hint: `${value.length} of ${MAX_WORDS} characters. ${readers}` })}
    >
      <Textarea value={value} rows={4} resize="vertical" onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
