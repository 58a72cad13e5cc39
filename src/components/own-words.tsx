import { Body1, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredProfile } from '@/services/profile/profile-store';
import { wordTopics } from './matching-words';

const useStyles = makeStyles({
  words: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A link or a long word wraps rather than runs past a 320 px side panel.
  quote: { color: tokens.colorNeutralForeground2, fontStyle: 'italic', overflowWrap: 'anywhere' },
  said: { display: 'flex', flexDirection: 'column' },
});

/**
 * What someone said about themselves on opting in, for the other side of a pair: what an
 * executive wants to learn and their own words about it, or a reverse mentor's own words about
 * what they can teach, and what an executive hopes from it. Nothing when they said nothing.
 */
/** One thing they said, under a plain label, so that two statements never read as one block. */
function Said({ label, words }: { label: string; words: string }) {
  const styles = useStyles();
  return (
    <div className={styles.said}>
      <Caption1Strong>{label}</Caption1Strong>
      <Body1 className={styles.quote}>“{words}”</Body1>
    </div>
  );
}

export function OwnWords({ profile, side }: { profile: StoredProfile | undefined; side: 'executive' | 'mentor' }) {
  const styles = useStyles();
  if (!profile) return null;
  const topics = side === 'executive' ? (profile.mentee?.wantsToLearn ?? []) : [];
  const words = (side === 'executive' ? profile.learnInOwnWords : profile.teachInOwnWords)?.trim();
  const hope = side === 'executive' ? profile.hopeInOwnWords?.trim() : undefined;
  if (topics.length === 0 && !words && !hope) return null;
  return (
    <div className={styles.words}>
      {topics.length > 0 && <Body1>Wants to learn about {wordTopics(topics)}.</Body1>}
      {words && <Said label="In their words" words={words} />}
      {hope && <Said label="What they hope to get from the programme" words={hope} />}
    </div>
  );
}
