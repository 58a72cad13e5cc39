import { Body1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useId, type HTMLAttributes, type ReactNode } from 'react';
import { useServices } from '@/context/services-context';

const useStyles = makeStyles({
  // Drawn as Fluent's Card draws itself (surface, radius, shadow, a stroke that shows in high contrast), without its
  // focus-management code, which nothing here needs and which would load before the first suggestion.
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  // A card fills its grid cell, so the cards of one row are as tall as each other.
  card: { gap: tokens.spacingVerticalS, height: '100%' },
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
  /**
   * The card's place in the tab: when the tab was opened at this place (a notification's deep link,
   * the host's `subPageId`), the card is brought into view and focused when it appears.
   */
  place?: string;
}) {
  const styles = useStyles();
  const Heading = props.headingLevel ?? 'h2';
  const { host } = useServices();
  const id = useId();
  const opened = props.place !== undefined && host.context.subPageId === props.place;
  useEffect(() => {
    if (!opened) return;
    // jsdom has no scrollIntoView; a browser and Teams' webviews do.
    const card = document.getElementById(id);
    card?.scrollIntoView?.({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [opened, id]);
  return (
    <Tile id={id} className={mergeClasses(styles.card, props.wide && styles.wide)} data-place={props.place} {...(opened ? { tabIndex: -1 } : {})}>
      <Subtitle2 as={Heading} className={styles.heading}>
        {props.title}
      </Subtitle2>
      {props.description && <Body1>{props.description}</Body1>}
      {props.children}
    </Tile>
  );
}

/** A card: a surface of its own on the page, for one thing (a person, a request, a part of a page). `data-card` lets the browser tests find it. */
export function Tile({ className, ...rest }: HTMLAttributes<HTMLDivElement> & { 'data-place'?: string | undefined }) {
  return <div {...rest} className={mergeClasses(useStyles().tile, className)} data-card="" />;
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
