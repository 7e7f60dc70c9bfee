import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { DEFAULT_DIGEST_FREQUENCY, Principal } from '@samverka/identity';
import { addWorkingDays, Clock, formatSwedishDateTime, localDateInCity } from '@samverka/kernel';
import { REPORT_TASK_WORKING_DAYS } from '@samverka/follow-up';
import { Links, NotificationOutbox, StatusDigestData, StatusDigestSections } from '@samverka/notifications';
import { PhaseChangeDigestsProvider, ProvidesPhaseChangeDigests } from '@samverka/rounds';
import { composeDigest, ComposedDigest, DigestFacts, DigestLinks, digestSummary, indexFacts } from '../digest-composer';
import { dueWindow, latestRun, ScheduledFrequency } from '../digest-schedule';
import { DIGEST_FREQUENCY_LABELS } from '../digests.vocabulary';
import { deliveryKey, DigestRepository, DigestSweepFigures, ManagerRow, NewDelivery } from '../repositories/digest.repository';

const SCHEDULED: readonly string[] = ['weekly', 'biweekly', 'monthly'];

export interface DigestSweepResult {
  /** Users whose digest was due and recorded by this sweep. */
  due: number;
  /** Of those, the ones emailed (the others had nothing new and nothing owed). */
  queued: number;
}

export interface DigestPreview {
  sections: StatusDigestSections;
  empty: boolean;
}

/**
 * Status digests (lägesrapporter) to department management. The sweep finds every management user
 * whose scheduled digest is due, reads every fact for all their departments at once (a fixed number
 * of statements, see `DigestRepository`), composes each user's digest, records the deliveries and
 * queues the emails, all in one transaction. The delivery's key (user, kind, window start) makes a
 * rerun and a second worker record and queue nothing more. The phase-change digest rides on the
 * rounds' phase-change email (`@ProvidesPhaseChangeDigests`).
 */
@Injectable()
@ProvidesPhaseChangeDigests()
export class DigestService implements PhaseChangeDigestsProvider {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repository: DigestRepository,
    private readonly outbox: NotificationOutbox,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Every due periodic digest, once. */
  sweep(): Promise<DigestSweepResult> {
    return this.tx.runLong(async () => {
      const now = this.clock.now();
      const due: Array<{ manager: ManagerRow; window: { start: Date; end: Date } }> = [];
      for (const manager of await this.repository.managers(DEFAULT_DIGEST_FREQUENCY)) {
        if (!SCHEDULED.includes(manager.frequency)) continue;
        const window = dueWindow(manager.frequency as ScheduledFrequency, now, manager.lastPeriodicEnd);
        if (window) due.push({ manager, window });
      }
      if (due.length === 0) return { due: 0, queued: 0 };
      const earliest = new Date(Math.min(...due.map((d) => d.window.start.getTime())));
      const facts = await this.facts(due.flatMap((d) => d.manager.departmentIds), earliest);
      const today = localDateInCity(now);
      const composed = due.map((d) => ({ ...d, digest: composeDigest(d.manager.departmentIds, facts, d.window, today, this.digestLinks()) }));
      const recorded = await this.repository.record(composed.map((c) => delivery(c.manager.userId, 'periodic', c.window, c.digest)));
      const mine = composed.filter((c) => recorded.has(deliveryKey(c.manager.userId, c.window.start)));
      const emails = mine
        .filter((c) => !c.digest.empty)
        .map((c) => ({
          recipient: { email: c.manager.email, name: c.manager.name, personId: c.manager.personId },
          data: this.emailData(c.manager.frequency as ScheduledFrequency, c.digest),
          dedupKey: `digest.status:${c.manager.userId}:${c.window.start.toISOString()}`,
        }));
      const queued = await this.outbox.enqueueMany('digest.status', emails);
      return { due: mine.length, queued: queued.size };
    });
  }

  /**
   * The caller's next digest as it stands now: from the end of their last digest (or the scheduled
   * run before) until now. Anyone signed in may ask; a user without a management role has no
   * departments, so their preview is empty.
   */
  preview(principal: Principal): Promise<DigestPreview> {
    return this.tx.run(async () => {
      const now = this.clock.now();
      const [manager] = await this.repository.managers(DEFAULT_DIGEST_FREQUENCY, [principal.userId]);
      if (!manager) {
        return { sections: { since: formatSwedishDateTime(now), until: formatSwedishDateTime(now), departments: [], city: { coverage: { covered: 0, total: 0 }, rounds: [] } }, empty: true };
      }
      const frequency = (SCHEDULED.includes(manager.frequency) ? manager.frequency : DEFAULT_DIGEST_FREQUENCY) as ScheduledFrequency;
      const window = { start: manager.lastEnd ?? latestRun(frequency, now), end: now };
      const facts = await this.facts(manager.departmentIds, window.start);
      const digest = composeDigest(manager.departmentIds, facts, window, localDateInCity(now), this.digestLinks());
      return { sections: digest.sections, empty: digest.empty };
    });
  }

  /** For the rounds' phase-change email (in the step's transaction): each user's digest now, recorded as a `phase` delivery. */
  async atPhaseChange(_roundId: string, userIds: string[]): Promise<Map<string, StatusDigestSections>> {
    const now = this.clock.now();
    const managers = await this.repository.managers(DEFAULT_DIGEST_FREQUENCY, userIds);
    if (managers.length === 0) return new Map();
    const windows = new Map(managers.map((m) => [m.userId, { start: m.lastEnd && m.lastEnd < now ? m.lastEnd : now, end: now }]));
    const earliest = new Date(Math.min(...[...windows.values()].map((w) => w.start.getTime())));
    const facts = await this.facts(managers.flatMap((m) => m.departmentIds), earliest);
    const today = localDateInCity(now);
    const result = new Map<string, StatusDigestSections>();
    const deliveries: NewDelivery[] = [];
    for (const m of managers) {
      const window = windows.get(m.userId)!;
      const digest = composeDigest(m.departmentIds, facts, window, today, this.digestLinks());
      result.set(m.userId, digest.sections);
      deliveries.push({ ...delivery(m.userId, 'phase', window, digest), sent: true });
    }
    await this.repository.record(deliveries);
    return result;
  }

  /** A user's recorded digests, newest first (for the overview's "figures of the latest digests" and the tests). */
  deliveriesOf(userId: string): Promise<NewDelivery[]> {
    return this.tx.run(() => this.repository.deliveriesOf(userId));
  }

  /** Every management user's latest recorded digest, in one statement: the figures of the latest digests (owed, overdue, reports; emailed or not). */
  latestDeliveries(): Promise<NewDelivery[]> {
    return this.tx.run(() => this.repository.latestDeliveries());
  }

  /** The latest periodic sweep's figures for the managers of these departments (`all`: the whole city); null before the first. */
  latestSweepFigures(scope: { all: boolean; departmentIds: readonly string[] }): Promise<DigestSweepFigures | null> {
    return this.repository.latestSweepFigures(scope.all, scope.departmentIds);
  }

  /** The facts for these departments: five statements, however many departments. */
  private async facts(departmentIds: string[], since: Date): Promise<DigestFacts> {
    const ids = [...new Set(departmentIds)];
    const today = localDateInCity(this.clock.now());
    return indexFacts({
      rounds: await this.repository.departmentRounds(ids),
      owed: await this.repository.owed(ids, addWorkingDays(today, REPORT_TASK_WORKING_DAYS)),
      items: await this.repository.items(ids, since),
      city: await this.repository.cityRounds(today),
      coverage: await this.repository.coverage(today),
    });
  }

  private emailData(frequency: ScheduledFrequency, digest: ComposedDigest): StatusDigestData {
    return {
      ...digest.sections,
      frequencyLabel: DIGEST_FREQUENCY_LABELS[frequency].toLocaleLowerCase('sv-SE'),
      summary: digestSummary(digest.owedCount, digest.overdueCount, digest.changeCount),
      owedCount: digest.owedCount,
      overdueCount: digest.overdueCount,
      changeCount: digest.changeCount,
      settingsUrl: this.links.notificationSettings(),
    };
  }

  private digestLinks(): DigestLinks {
    return {
      round: (roundId) => this.links.round(roundId),
      departmentNeeds: (roundId, departmentId) => this.links.departmentNeeds(roundId, departmentId),
      consultationResponse: (roundId, committeeId) => this.links.consultationResponse(roundId, committeeId),
      followUp: (roundId, departmentId) => this.links.followUp(roundId, departmentId),
    };
  }
}

function delivery(userId: string, kind: NewDelivery['kind'], window: { start: Date; end: Date }, digest: ComposedDigest): NewDelivery {
  return {
    userId,
    kind,
    windowStart: window.start,
    windowEnd: window.end,
    sent: !digest.empty,
    owedCount: digest.owedCount,
    overdueCount: digest.overdueCount,
    changeCount: digest.changeCount,
  };
}
