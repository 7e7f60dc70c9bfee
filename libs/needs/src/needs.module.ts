import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { RoundsModule } from '@samverka/rounds';
import { NeedEntity, NeedsSubmissionEntity, ReferenceItemEntity } from './entities';
import { NeedRepository } from './repositories/need.repository';
import { ReferenceRepository } from './repositories/reference.repository';
import { SubmissionRepository } from './repositories/submission.repository';
import { NeedService } from './services/need.service';
import { ReferenceDataService } from './services/reference-data.service';
import { SubmissionService } from './services/submission.service';

/** Needs collection (behovsinsamling): reference data, needs, submissions. */
@Module({
  imports: [TypeOrmModule.forFeature([ReferenceItemEntity, NeedEntity, NeedsSubmissionEntity]), AuditModule, IdentityModule, NotificationsModule, RoundsModule],
  providers: [ReferenceRepository, NeedRepository, SubmissionRepository, ReferenceDataService, NeedService, SubmissionService],
  exports: [ReferenceDataService, NeedService, SubmissionService],
})
export class NeedsModule {}
