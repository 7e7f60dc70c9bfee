import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { RoleGrantEntity, UserAdminService, UserWithGrants } from '@samverka/identity';
import type { FastifyReply } from 'fastify';
import { PAGE_HEADERS, pagingOf, setPageHeaders } from '../../shell/api-paging';
import { IdParam } from '../../shell/uuid-param';
import { admin } from '../access-rules';
import { Allow } from '../allow.decorator';
import { CreateUserDto, GrantRoleDto, RoleGrantDto, SetPasswordDto, UserDto, UserQueryDto } from './dto/user.dto';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';

const scope = (x: { id: string; code: string; name: string } | null | undefined) => (x ? { id: x.id, code: x.code, name: x.name } : null);
const toGrantDto = (g: RoleGrantEntity): RoleGrantDto => ({ id: g.id, role: g.role, department: scope(g.department), committee: scope(g.committee), grantedAt: g.grantedAt });
const toUserDto = ({ user, grants }: UserWithGrants): UserDto => ({
  id: user.id,
  personId: user.personId,
  name: user.person!.name,
  email: user.person!.email,
  title: user.person!.title,
  hasPassword: user.passwordHash !== null,
  disabledAt: user.disabledAt,
  lastSignInAt: user.lastSignInAt,
  roles: grants.map(toGrantDto),
});

/** Users and their roles: admins only. */
@ApiTags('admin')
@Controller('api/v1/admin/users')
@Allow(admin())
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Get()
  @ApiAnswer(200, [UserDto], { headers: PAGE_HEADERS })
  @ApiOperation({ summary: 'Users with their roles by name, optionally by exact e-mail, a page at a time (limit, offset; X-Total-Count and Link)' })
  async list(@Query() query: UserQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserDto[]> {
    const paging = pagingOf(query);
    const page = await this.users.page({ email: query.email }, paging);
    setPageHeaders(reply, { total: page.total, ...paging });
    return page.items.map(toUserDto);
  }

  @Post()
  @ApiAnswer(201, UserDto)
  @ApiErrors(409)
  @ApiOperation({ summary: 'Create a user for a person (created too when new), optionally with a password' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(actor, dto));
  }

  @Get(':id')
  @ApiAnswer(200, UserDto)
  @ApiErrors(404)
  @ApiOperation({ summary: 'A user with their roles' })
  async get(@IdParam('id', 'Användaren') id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Put(':id/password')
  @ApiAnswer(204)
  @ApiErrors(404)
  @HttpCode(204)
  @ApiOperation({ summary: "Set a user's password; every session of theirs is signed out" })
  async setPassword(@CurrentActor() actor: Actor, @IdParam('id', 'Användaren') id: string, @Body() dto: SetPasswordDto): Promise<void> {
    await this.users.setPassword(actor, id, dto.password);
  }

  @Post(':id/invitation')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @HttpCode(204)
  @ApiOperation({ summary: 'Email the user a new set-password link (72 hours, single use; earlier links stop working), or with single sign-on how to sign in; 409 for a disabled user' })
  async invite(@CurrentActor() actor: Actor, @IdParam('id', 'Användaren') id: string): Promise<void> {
    await this.users.resendInvitation(actor, id);
  }

  @Post(':id/roles')
  @ApiAnswer(201, RoleGrantDto)
  @ApiErrors(404, 422)
  @ApiOperation({ summary: 'Grant a role (management per department, committee_secretary per committee); granting again changes nothing' })
  async grant(@CurrentActor() actor: Actor, @IdParam('id', 'Användaren') id: string, @Body() dto: GrantRoleDto): Promise<RoleGrantDto> {
    return toGrantDto(await this.users.grantRole(actor, id, dto));
  }

  @Delete(':id/roles/:grantId')
  @ApiAnswer(204)
  @ApiErrors(404, 409)
  @ApiOperation({ summary: 'Revoke a role grant (the last active admin keeps theirs: 409)' })
  @HttpCode(204)
  async revoke(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Användaren') id: string,
    @IdParam('grantId', 'Behörigheten') grantId: string,
  ): Promise<void> {
    await this.users.revokeRole(actor, id, grantId);
  }

  @Post(':id/disable')
  @ApiAnswer(200, UserDto)
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user: every session and access token is revoked at once' })
  async disable(@CurrentActor() actor: Actor, @IdParam('id', 'Användaren') id: string): Promise<UserDto> {
    return toUserDto(await this.users.disable(actor, id));
  }

  @Post(':id/enable')
  @ApiAnswer(200, UserDto)
  @ApiErrors(404)
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user again (idempotent)' })
  async enable(@CurrentActor() actor: Actor, @IdParam('id', 'Användaren') id: string): Promise<UserDto> {
    return toUserDto(await this.users.enable(actor, id));
  }
}
