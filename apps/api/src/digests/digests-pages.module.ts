import { Module } from '@nestjs/common';
import { DigestsModule } from '@samverka/digests';
import { IdentityModule } from '@samverka/identity';
import { ShellModule } from '../shell/shell.module';
import { DigestSettingsPagesController } from './pages/digest-settings-pages.controller';

/** The user's email settings page: the status digest's frequency and a preview of the next one. */
@Module({
  imports: [ShellModule, IdentityModule, DigestsModule],
  controllers: [DigestSettingsPagesController],
})
export class DigestsPagesModule {}
