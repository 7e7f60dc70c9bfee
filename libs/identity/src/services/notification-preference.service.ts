import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { CommonError } from '@samverka/kernel';
import { KIND_SETTINGS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, NotificationKind } from '@samverka/notifications';
import { DEFAULT_DIGEST_FREQUENCY, DIGEST_FREQUENCIES, DigestFrequency, NotificationPreferenceEntity } from '../entities/notification-preference.entity';

export interface NotificationPreferences {
  digestFrequency: DigestFrequency;
  /** The kinds that always go out, whatever the preference. */
  mandatoryKinds: Array<{ kind: NotificationKind; description: string }>;
}

/** A user's choice of digest frequency for the optional emails; mandatory ones always go out. */
@Injectable()
export class NotificationPreferenceService {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(NotificationPreferenceEntity);
  }

  async get(userId: string): Promise<NotificationPreferences> {
    const row = await this.repo.findOneBy({ userId });
    return { digestFrequency: row?.digestFrequency ?? DEFAULT_DIGEST_FREQUENCY, mandatoryKinds: mandatoryKinds() };
  }

  /** Saving the same choice again changes nothing else. */
  async set(userId: string, digestFrequency: DigestFrequency): Promise<NotificationPreferences> {
    if (!(DIGEST_FREQUENCIES as readonly string[]).includes(digestFrequency)) {
      throw CommonError.invalidField('digestFrequency', 'isIn', `digestFrequency must be one of ${DIGEST_FREQUENCIES.join(', ')}`);
    }
    await this.tx.manager.query(
      `insert into notification_preference (user_id, digest_frequency, updated_at) values ($1, $2, now())
       on conflict (user_id) do update set digest_frequency = excluded.digest_frequency, updated_at = now()`,
      [userId, digestFrequency],
    );
    return this.get(userId);
  }
}

export const mandatoryKinds = (): NotificationPreferences['mandatoryKinds'] =>
  NOTIFICATION_KINDS.filter((k) => KIND_SETTINGS[k].mandatory).map((kind) => ({ kind, description: NOTIFICATION_KIND_LABELS[kind] }));
