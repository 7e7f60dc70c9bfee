import { Inject, Injectable } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { TransactionHost } from '@samverka/database';
import { Clock, LocalDate, localDateInCity } from '@samverka/kernel';
import { NotificationOutbox } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { RecipientDirectory } from './recipient-directory.service';

/** A gap this old gets a reminder. */
export const COVERAGE_REMINDER_DAYS = 14;

const daysBetween = (from: LocalDate, to: LocalDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Tells a department's management users when it has no primary coordinator:
 * once per gap (the key names the gap's first day), and once more when the gap
 * has been open 14 days. A gap first seen when already that old gets one
 * email (worded as a first notice), not both at once. The worker sweeps every minute; the keys make every
 * sweep after the first queue nothing new.
 */
@Injectable()
export class CoverageAlertService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly coordinators: CoordinatorService,
    private readonly outbox: NotificationOutbox,
    private readonly directory: RecipientDirectory,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  sweep(): Promise<{ queued: number }> {
    const today = localDateInCity(this.clock.now());
    return this.tx.run(async () => {
      const gaps = await this.coordinators.departmentsWithoutPrimary(today);
      if (gaps.length === 0) return { queued: 0 };
      const managers = await this.directory.managementOf(gaps.map((g) => g.departmentId));
      // The first notices already queued, so a gap first seen when 14 days old gets one email, not two.
      const initialKey = (departmentId: string, since: string, userId: string) => `department.lacks_coordinator:${departmentId}:${since}:${userId}`;
      const candidates = gaps.flatMap((g) => managers.filter((m) => m.departmentId === g.departmentId).map((m) => initialKey(g.departmentId, g.since, m.userId)));
      const alreadyNotified = new Set(
        ((await this.tx.manager.query('select dedup_key from notification where dedup_key = any($1::text[])', [candidates])) as Array<{ dedup_key: string }>).map((r) => r.dedup_key),
      );
      let queued = 0;
      for (const gap of gaps) {
        const daysOpen = Math.max(0, daysBetween(gap.since, today));
        const departmentUrl = `${this.config.app.publicUrl}/forvaltningar/${gap.departmentId}`;
        for (const m of managers.filter((r) => r.departmentId === gap.departmentId)) {
          const recipient = { email: m.email, name: m.name, personId: m.personId };
          const key = initialKey(gap.departmentId, gap.since, m.userId);
          const data = { departmentName: gap.name, since: gap.since, daysOpen, departmentUrl };
          const enqueued =
            daysOpen < COVERAGE_REMINDER_DAYS
              ? await this.outbox.enqueue('department.lacks_coordinator', recipient, { ...data, reminder: false }, key)
              : await this.outbox.enqueue('department.lacks_coordinator', recipient, { ...data, reminder: alreadyNotified.has(key) }, `${key}:14d`);
          if (enqueued) queued++;
        }
      }
      return { queued };
    });
  }
}
