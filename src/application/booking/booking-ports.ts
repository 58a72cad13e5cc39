/**
 * What the booking use cases are given: Graph, the clock, the signed-in person's own records
 * (the bookings and proposals kept in their profile) and a way to tell the partner in Teams. No React: the booking card's hook passes the
 * surface's services in, and unit tests pass the fake Graph.
 */
import type { BookingRecord, Proposal } from '@/domain/booking/pair-schedule';
import type { Notifier } from '@/application/notifications/notifier';
import type { GraphClient } from '@/services/graph/graph-client';

/** One of the pair, as booking needs them: the address Graph knows their calendar by, and their zone. */
export interface PairPerson {
  readonly id: string;
  readonly displayName: string;
  readonly address: string;
  readonly zone: string;
}

/** The programme's rhythm for a pair's sessions. */
export interface Cadence {
  readonly everyWeeks: number;
  readonly minutes: number;
  readonly weeks: number;
}

/** The part of a person's profile that booking reads and changes: the executive's bookings, anyone's proposals. */
export interface PairRecords {
  readonly bookings?: readonly BookingRecord[] | undefined;
  readonly proposals?: readonly Proposal[] | undefined;
}

/** The signed-in person's own profile, as far as booking reads and changes it. */
export interface MyRecordsPort {
  /** What the profile holds now (as this surface last read or saved it); undefined before opting in. */
  readonly current: () => PairRecords | undefined;
  /** Saves new bookings or proposals in the profile; the rest of the profile stays as it is. */
  readonly save: (change: PairRecords) => Promise<void>;
}

/** What every booking use case is given. */
export interface BookingPorts {
  /** Microsoft Graph as the signed-in person (the fake in demo mode and in tests). */
  readonly graph: () => Promise<GraphClient>;
  /** The one clock the use cases read. */
  readonly now: () => Date;
  /** The signed-in person's records. */
  readonly records: MyRecordsPort;
  /** Tells the partner in Teams of a booking or a proposed time; never fails the action. None: nobody is told. */
  readonly notifier?: Notifier;
}
