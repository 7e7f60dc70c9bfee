export * from './digest-delivery.entity';

import { DigestDeliveryEntity } from './digest-delivery.entity';

export const DIGEST_ENTITIES = [DigestDeliveryEntity];
