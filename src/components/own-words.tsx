import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredProfile } from '@/services/profile/profile-store';
import { wordTopics } from './matching-words';

const useStyles = makeStyles({
  words: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  quote: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

/**
 * What someone said about themselves on opting in, for the other side of a pair: what an
 * executive wants to learn and their own words about it, or a reverse mentor's own words about
 * what they can teach, and what an executive hopes from it. Nothing when they said nothing.
 */
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
      {words && <Body1 className={styles.quote}>In their words: “{words}”</Body1>}
      {hope && <Body1 className={styles.quote}>What they hope from it: “{hope}”</Body1>}
    </div>
  );
}
