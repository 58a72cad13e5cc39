import { Body1, Card, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // A card fills its grid cell, so the cards of one row are as tall as each other.
  card: { gap: tokens.spacingVerticalS, height: '100%', boxSizing: 'border-box' },
  wide: { gridColumn: '1 / -1' },
  heading: { margin: 0 },
  // The card is a flex column: the actions take the space left, so they line up at the bottom of a row of cards.
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginTop: 'auto' },
  // A list item of a grid of cards: the card inside fills it.
  cell: { display: 'flex', flexDirection: 'column', '& > *': { flexGrow: 1 } },
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

/** A card's buttons: at the bottom of the card, level with those of the cards beside it. */
export function CardActions({ children }: { children: ReactNode }) {
  // `data-card-actions` lets the browser tests find every card's actions to check they line up.
  return (
    <div className={useStyles().actions} data-card-actions="">
      {children}
    </div>
  );
}

/** A list item holding one card of a grid of cards, so that the card fills its cell. */
export function CardCell({ children }: { children: ReactNode }) {
  return <li className={useStyles().cell}>{children}</li>;
}
