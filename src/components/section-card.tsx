import { Body1, Card, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1' },
  heading: { margin: 0 },
});

/** A titled card for one part of a page, with a short description and any content. */
export function SectionCard(props: {
  title: string;
  description?: string;
  children?: ReactNode;
  headingLevel?: 'h2' | 'h3';
  /** Spans the whole row of a grid of cards. */
  wide?: boolean;
}) {
  const styles = useStyles();
  const Heading = props.headingLevel ?? 'h2';
  return (
    <Card className={props.wide ? mergeClasses(styles.card, styles.wide) : styles.card}>
      <Subtitle2 as={Heading} className={styles.heading}>
        {props.title}
      </Subtitle2>
      {props.description && <Body1>{props.description}</Body1>}
      {props.children}
    </Card>
  );
}
