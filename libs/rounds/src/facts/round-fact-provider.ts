import { DiscoveryService } from '@nestjs/core';
import type { PlanVersionFact } from '@samverka/workflow';
import type { ParticipantSubmissionView } from '../plan-round.model';

/** Where a department's needs submission stands (the needs context's statuses). */
export type ParticipantSubmissionStatus = 'draft' | 'submitted' | 'endorsed' | 'returned' | 'nothingToReport';

/** How far a participating department has come with its needs, and who did what when (names as pages show them). */
export interface ParticipantProgress extends Omit<ParticipantSubmissionView, 'late'> {
  /** Handed in or endorsed. */
  submitted: boolean;
  nothingToReport: boolean;
  /** The submission's status in the needs context's own words ("godkänd"), for the emails when needs collection closes. */
  statusLabel?: string;
  /** Handed in after the needs deadline. */
  late: boolean;
}

/**
 * The facts other contexts contribute to a round, by kind: what each provider returns for a round.
 * Every kind here is one the machine's guards need, so each must have its provider in the app.
 *
 * The consultation's kind carries both what an unforced CLOSE_CONSULTATION judges (recipients and
 * responses) and the prepared remiss SEND_FOR_CONSULTATION needs (its plan version).
 */
export interface RoundFactKinds {
  /** Needs submissions by participating department id (the needs context). */
  needs: ReadonlyMap<string, ParticipantProgress>;
  /** The last frozen plan version (null: none frozen), with whether the draft changed since (the plan context). */
  plan: PlanVersionFact | null;
  /** The prepared remiss (null: none): its plan version, its recipients and how many have a current submitted response, declines included (the consultation context). */
  consultation: ConsultationFact | null;
  /** How many proposals of the current consultation responses are untriaged (the consultation context). */
  proposals: { untriaged: number };
}

/** The consultation as the workflow's guards judge it. */
export interface ConsultationFact {
  planVersion: number;
  recipients: number;
  responses: number;
}

export type RoundFactKind = keyof RoundFactKinds;

/** What each kind is and who provides it: named in the error when an app is wired without it. */
export const ROUND_FACT_KINDS: Readonly<Record<RoundFactKind, string>> = {
  needs: "each participating department's needs submission, provided by NeedsModule (@samverka/needs)",
  plan: 'the last frozen plan version, provided by PlanModule (@samverka/plan)',
  consultation: 'the prepared remiss and its responses, provided by ConsultationModule (@samverka/consultation)',
  proposals: "the consultation responses' untriaged proposals, provided by ConsultationModule (@samverka/consultation)",
};

/** A row of a provider's select as JSON gives it (`json_agg`): timestamps are ISO strings, dates `YYYY-MM-DD`. */
export type JsonRow = Readonly<Record<string, unknown>>;

/**
 * A context's source of one kind of round facts: one set-based select, and how its rows become the
 * facts. The select's only parameter is the round's id, written `$1`; the rounds nest every kind's
 * select in one statement of their own (the round view, a step's read: one round trip for all kinds),
 * with `$1` standing for the round they read, so the select must not use any other parameter.
 */
export interface RoundFactProvider<K extends RoundFactKind = RoundFactKind> {
  readonly factsSql: string;
  factsFrom(rows: readonly JsonRow[]): RoundFactKinds[K];
}

/** A timestamp from a JSON row (null stays null). */
export function jsonTimestamp(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as string);
}

/**
 * Marks a provider class as the source of one kind of round facts: `@ProvidesRoundFacts('needs')`.
 * The class is registered as an ordinary provider of its own context's module; `RoundFactProviders`
 * collects every marked provider in the app at start.
 */
export const ProvidesRoundFacts = DiscoveryService.createDecorator<RoundFactKind>();
