import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { DIGEST_ENTITIES } from './entities/index';
import { DigestRepository } from './repositories/digest.repository';
import { DigestService } from './services/digest.service';

/**
 * Status digests (lägesrapporter) to department management: periodic on the user's frequency and at
 * every phase change. Above the contexts whose facts it reads (rounds, needs, plan, consultation,
 * follow-up, organisation, identity); it reads their tables only in `DigestRepository`.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DIGEST_ENTITIES), IdentityModule, NotificationsModule],
  providers: [DigestRepository, DigestService],
  exports: [DigestService],
})
export class DigestsModule {}
