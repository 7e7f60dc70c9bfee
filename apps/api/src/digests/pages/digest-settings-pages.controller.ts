import { Body, Controller, Get, HttpStatus, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DigestService } from '@samverka/digests';
import { DIGEST_FREQUENCIES, DigestFrequency, NotificationPreferenceService, Principal } from '@samverka/identity';
import type { FastifyReply } from 'fastify';
import { signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { formAction, FormErrorMap, fieldIds } from '../../shell/form-action';
import { formField, FieldErrors } from '../../shell/form-body';
import { ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { buildDigestSettingsPage, DIGEST_SETTINGS_PATH, SAVED_PARAM } from './digest-settings.presenter';

const ERRORS: FormErrorMap = { fieldIdFor: fieldIds({ digestFrequency: 'digestFrequency' }) };

/** Lägesrapporter och e-post: the signed-in user's digest frequency (the same as PUT /api/v1/me/notification-preferences) and their next digest's preview. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(DIGEST_SETTINGS_PATH.slice(1))
@Allow(signedIn())
export class DigestSettingsPagesController {
  constructor(
    private readonly preferences: NotificationPreferenceService,
    private readonly digests: DigestService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  async show(@CurrentPrincipal() principal: Principal, @Query(SAVED_PARAM) saved: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { digestFrequency } = await this.preferences.get(principal.userId);
    await this.page(reply, principal, digestFrequency, {}, saved !== undefined, HttpStatus.OK);
  }

  @Post()
  async save(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const posted = formField(body, 'digestFrequency');
    await formAction({
      posted: body,
      values: { digestFrequency: posted },
      errors: ERRORS,
      run: () => this.preferences.set(principal.userId, posted as DigestFrequency),
      failed: async (failure) => {
        const { digestFrequency } = await this.preferences.get(principal.userId);
        const errors: FieldErrors = { digestFrequency: posted === '' ? 'Välj hur ofta du vill få lägesrapporten' : failure.errors.digestFrequency ?? failure.general.join(' ') };
        await this.page(reply, principal, (DIGEST_FREQUENCIES as readonly string[]).includes(posted) ? (posted as DigestFrequency) : digestFrequency, errors, false, failure.status);
      },
      done: () => void reply.redirect(`${DIGEST_SETTINGS_PATH}?${SAVED_PARAM}=1`, HttpStatus.SEE_OTHER),
    });
  }

  private async page(reply: FastifyReply, principal: Principal, frequency: DigestFrequency, errors: FieldErrors, saved: boolean, status: number): Promise<void> {
    const preview = await this.digests.preview(principal);
    const isManager = principal.management.length > 0;
    await this.views.send(reply, 'digest-settings', buildDigestSettingsPage({ frequency, preview, isManager, errors, saved }), status);
  }
}
