import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { TransactionHost } from '@samverka/database';
import { JsonRow, ProvidesRoundFacts, ROUND_FACT_KINDS, RoundFactKind, RoundFactKinds, RoundFactProvider } from './round-fact-provider';

/**
 * The round's fact providers, one per kind, collected at start from the providers marked
 * `@ProvidesRoundFacts(kind)` anywhere in the app (Nest has no multi-providers). The app refuses
 * to start when a kind the machine needs has no provider, or two, naming the kind: a module graph
 * without the needs module must not judge every department as "nothing submitted".
 */
@Injectable()
export class RoundFactProviders implements OnModuleInit {
  private readonly providers = new Map<RoundFactKind, RoundFactProvider>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly tx: TransactionHost,
  ) {}

  onModuleInit(): void {
    const found = new Map<RoundFactKind, string[]>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: ProvidesRoundFacts.KEY })) {
      const kind = this.discovery.getMetadataByDecorator(ProvidesRoundFacts, wrapper);
      if (!kind) continue;
      found.set(kind, [...(found.get(kind) ?? []), wrapper.name]);
      this.providers.set(kind, wrapper.instance as RoundFactProvider);
    }
    const problems = (Object.keys(ROUND_FACT_KINDS) as RoundFactKind[]).flatMap((kind) => {
      const names = found.get(kind) ?? [];
      if (names.length === 0) return [`no provider of the "${kind}" facts (${ROUND_FACT_KINDS[kind]})`];
      return names.length > 1 ? [`${names.length} providers of the "${kind}" facts (${names.join(', ')}); there must be one`] : [];
    });
    if (problems.length > 0) {
      throw new Error(`Plan rounds cannot start: ${problems.join('; ')}. The workflow's guards need every kind: import the module that provides it beside RoundsModule.`);
    }
  }

  /**
   * `kind`'s select for the round `roundRef` as one SQL expression yielding a JSON array of its rows:
   * `roundRef` is `$1` (a statement whose first parameter is the round's id) or a column of the
   * enclosing statement under an alias no provider uses (`facts_round.id`).
   */
  jsonOf(kind: RoundFactKind, roundRef: string): string {
    return `(select coalesce(json_agg(f), '[]'::json) from (${this.of(kind).factsSql.replace(/\$1(?!\d)/g, roundRef)}\n) f)`;
  }

  /** The facts of `kind` from the JSON array `jsonOf` yielded. */
  factsFrom<K extends RoundFactKind>(kind: K, rows: unknown): RoundFactKinds[K] {
    return this.of(kind).factsFrom((rows ?? []) as JsonRow[]);
  }

  /** The facts of one kind for one round (one statement). */
  async factsOf<K extends RoundFactKind>(kind: K, roundId: string): Promise<RoundFactKinds[K]> {
    const rows: Array<{ facts: unknown }> = await this.tx.manager.query(`select ${this.jsonOf(kind, '$1::uuid')} as facts`, [roundId]);
    return this.factsFrom(kind, rows[0]?.facts);
  }

  /** The provider of `kind` (present once the app has started). */
  of<K extends RoundFactKind>(kind: K): RoundFactProvider<K> {
    const provider = this.providers.get(kind);
    if (!provider) throw new Error(`No provider of the "${kind}" round facts: the app has not started`);
    return provider as RoundFactProvider<K>;
  }
}
