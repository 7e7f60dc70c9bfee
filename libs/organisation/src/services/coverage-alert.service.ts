import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { Clock, LocalDate, localDateInCity } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { CoordinatorService } from './coordinator.service';

/** A gap this old gets a reminder. */
export const COVERAGE_REMINDER_DAYS = 14;

/** A management user of a department (one per user and department). */
export interface DepartmentManager {
  departmentId: string | null;
  userId: string;
  personId: string;
  email: string;
  name: string;
}

/**
 * Who manages a department. Role grants belong to identity, which depends on
 * this library, so the app wires identity's directory in through
 * {@link CoverageAlertsModule.register}.
 */
export abstract class DepartmentManagers {
  abstract managementOf(departmentIds: string[]): Promise<DepartmentManager[]>;
}

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
    private readonly managers: DepartmentManagers,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  sweep(): Promise<{ queued: number }> {
    const today = localDateInCity(this.clock.now());
    return this.tx.run(async () => {
      const gaps = await this.coordinators.departmentsWithoutPrimary(today);
      if (gaps.length === 0) return { queued: 0 };
      const managers = await this.managers.managementOf(gaps.map((g) => g.departmentId));
      // The first notices already queued, so a gap first seen when 14 days old gets one email, not two.
      const initialKey = (departmentId: string, since: string, userId: string) => `department.lacks_coordinator:${departmentId}:${since}:${userId}`;
      const alreadyNotified = await this.outbox.queuedKeys(
        gaps.flatMap((g) => managers.filter((m) => m.departmentId === g.departmentId).map((m) => initialKey(g.departmentId, g.since, m.userId))),
      );
      let queued = 0;
      for (const gap of gaps) {
        const daysOpen = Math.max(0, daysBetween(gap.since, today));
        const departmentUrl = this.links.department(gap.departmentId);
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
