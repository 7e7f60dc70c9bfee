import type { DigestSweepFigures } from '@samverka/digests';
import type { LocalDate } from '@samverka/kernel';

/** Whose overview: the whole city (strategists), or the departments a coordinator or manager acts for. */
export interface OverviewScope {
  all: boolean;
  departmentIds: string[];
}

export type OverdueKind = 'needs' | 'consultationResponse' | 'followUpReport';

/** Something owed after its deadline, and by whom (a department, a committee, or the contact centre). */
export interface OverdueEntry {
  kind: OverdueKind;
  /** The department or committee that owes it (null: the contact centre). */
  ownerId: string | null;
  ownerName: string;
  /** The day it was due. */
  dueOn: LocalDate;
  /** A follow-up report's period label; otherwise null. */
  period: string | null;
  /** How many things of this kind the owner owes for that date (items to report on; 1 otherwise). */
  count: number;
}

/** An open round (neither closed nor cancelled) with its phase and what is overdue in it. */
export interface OverviewRound {
  id: string;
  title: string;
  year: number;
  state: string;
  /** The deadline of the phase the round is in, if any. */
  deadline: { kind: 'needs' | 'consultationReply' | 'decision'; date: LocalDate; passed: boolean } | null;
  participants: number;
  overdue: OverdueEntry[];
}

/** One department's coordinator coverage today. */
export interface CoverageRow {
  departmentId: string;
  name: string;
  /** The primary coordinator valid today (null: none). */
  primary: { name: string; validTo: LocalDate | null } | null;
  deputies: number;
}

/** The figures of the latest status digests (lägesrapporter), when the digests context can tell them. */
/** The figures of the latest periodic status digest sweep, as the digests context reads them. */
export type DigestFigures = DigestSweepFigures;

export interface CityOverview {
  scope: OverviewScope;
  today: LocalDate;
  rounds: OverviewRound[];
  coverage: {
    departments: number;
    withPrimary: number;
    withoutPrimary: number;
    rows: CoverageRow[];
  };
  /** Null when no digest figures can be read (the digests context is not there, or has nothing yet). */
  digests: DigestFigures | null;
}
