import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { PasswordSetupService, UserAdminService } from '@samverka/identity';
import { OrganisationRegistryService } from '@samverka/organisation';
import type { FastifyReply } from 'fastify';
import { admin } from '../access-rules';
import { Allow } from '../allow.decorator';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, FormRejected } from '../../shell/form-action';
import { FieldErrors } from '../../shell/form-body';
import { UuidParam } from '../../shell/uuid-param';
import { ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import {
  ACCOUNT_ACTION_ERRORS,
  emptyNewUserForm,
  GRANT_FORM_ERRORS,
  GrantFormValues,
  NEW_USER_FORM_ERRORS,
  readGrantForm,
  readNewUserForm,
  readUserListQuery,
  toCreateUserInput,
  USERS_PAGE_SIZE,
  userPath,
  validateGrantForm,
} from './user-forms';
import { buildNewUserPage, buildUserList, buildUserPage, noticeParam, USER_NOTICE_PARAM, USER_NOTICES, UserNotice } from './users.presenter';

const USER = UuidParam('Användaren');
const GRANT = UuidParam('Behörigheten');

/**
 * The admin's users (/admin/anvandare): the list with search and paging, creating a login for a
 * person (who is emailed a set-password link, or told to use single sign-on), granting and revoking
 * roles, disabling and enabling, and sending the link again. Admins only; every change goes through
 * UserAdminService, as the REST users API does.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('admin/anvandare')
@Allow(admin())
export class UsersPagesController {
  constructor(
    private readonly users: UserAdminService,
    private readonly passwordSetup: PasswordSetupService,
    private readonly registry: OrganisationRegistryService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const { search, page } = readUserListQuery(query);
    const result = await this.users.search(search, page, USERS_PAGE_SIZE);
    await this.views.send(reply, 'admin-users', buildUserList(result, search, page, this.passwordSetup.singleSignOn));
  }

  @Get('ny')
  async newForm(@Query('epost') email: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = emptyNewUserForm(typeof email === 'string' ? email.trim().slice(0, 320) : '');
    await this.views.send(reply, 'admin-user-new', buildNewUserPage(values, {}, [], this.passwordSetup.singleSignOn));
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = readNewUserForm(body);
    await formAction({
      posted: body,
      values,
      errors: NEW_USER_FORM_ERRORS,
      run: () => this.users.create(actor, toCreateUserInput(values)),
      failed: (failure) => this.views.send(reply, 'admin-user-new', buildNewUserPage(values, failure.errors, failure.general, this.passwordSetup.singleSignOn), failure.status),
      done: (created) => this.redirect(reply, created.user.id, 'created'),
    });
  }

  @Get(':id')
  async show(@Param('id', USER) id: string, @Query(USER_NOTICE_PARAM) notice: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.page(reply, id, { notice: typeof notice === 'string' ? USER_NOTICES[notice] : undefined }, HttpStatus.OK);
  }

  /** The buttons' addresses opened directly (a reload after a failed POST): back to the user. */
  @Get([':id/roller', ':id/roller/:grantId/ta-bort', ':id/inaktivera', ':id/aktivera', ':id/skicka-lank'])
  formAddress(@Param('id', USER) id: string, @Res() reply: FastifyReply): void {
    void reply.redirect(userPath(id), HttpStatus.SEE_OTHER);
  }

  @Post(':id/roller')
  async grant(@CurrentActor() actor: Actor, @Param('id', USER) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = readGrantForm(body);
    await formAction({
      posted: body,
      values,
      errors: GRANT_FORM_ERRORS,
      run: () => {
        const checked = validateGrantForm(values);
        if (!checked.input) throw new FormRejected(checked.errors);
        return this.users.grantRole(actor, id, checked.input);
      },
      failed: (failure) => this.page(reply, id, { grantForm: { values, errors: failure.errors }, general: failure.general }, failure.status),
      done: () => this.redirect(reply, id, 'granted'),
    });
  }

  @Post(':id/roller/:grantId/ta-bort')
  async revoke(@CurrentActor() actor: Actor, @Param('id', USER) id: string, @Param('grantId', GRANT) grantId: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.action(reply, id, body, () => this.users.revokeRole(actor, id, grantId), 'revoked');
  }

  @Post(':id/inaktivera')
  async disable(@CurrentActor() actor: Actor, @Param('id', USER) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.action(reply, id, body, () => this.users.disable(actor, id), 'disabled');
  }

  @Post(':id/aktivera')
  async enable(@CurrentActor() actor: Actor, @Param('id', USER) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.action(reply, id, body, () => this.users.enable(actor, id), 'enabled');
  }

  @Post(':id/skicka-lank')
  async invite(@CurrentActor() actor: Actor, @Param('id', USER) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.action(reply, id, body, () => this.users.resendInvitation(actor, id), 'invited');
  }

  /** A button without fields: done, back to the user with what happened; refused, the user page with why. */
  private action(reply: FastifyReply, id: string, body: unknown, run: () => Promise<unknown>, notice: UserNotice): Promise<void> {
    return formAction({
      posted: body,
      values: {},
      errors: ACCOUNT_ACTION_ERRORS,
      run,
      failed: (failure) => this.page(reply, id, { general: failure.general }, failure.status),
      done: () => this.redirect(reply, id, notice),
    });
  }

  private async page(
    reply: FastifyReply,
    id: string,
    state: { notice?: UserNotice; grantForm?: { values: GrantFormValues; errors: FieldErrors }; general?: string[] },
    status: number,
  ): Promise<void> {
    const [account, departments, committees] = await Promise.all([this.users.get(id), this.registry.listDepartments({ active: true }), this.registry.listCommittees({ active: true })]);
    const model = buildUserPage({ account, departments, committees, sso: this.passwordSetup.singleSignOn, ...state });
    await this.views.send(reply, 'admin-user', model, status);
  }

  private redirect(reply: FastifyReply, id: string, notice: UserNotice): void {
    void reply.redirect(`${userPath(id)}?${USER_NOTICE_PARAM}=${noticeParam(notice)}`, HttpStatus.SEE_OTHER);
  }
}
