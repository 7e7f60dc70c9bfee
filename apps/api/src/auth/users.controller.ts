import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, RoleGrantEntity, UserAdminService, UserWithGrants } from '@samverka/identity';
import { UuidParam } from '../common/uuid-param';
import { admin } from './access-rules';
import { Allow } from './allow.decorator';
import { CreateUserDto, GrantRoleDto, RoleGrantDto, SetPasswordDto, UserDto, UserQueryDto } from './dto/user.dto';
import { actorOf, CurrentPrincipal } from './request-principal';

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
  async list(@Query() query: UserQueryDto): Promise<UserDto[]> {
    return (await this.users.list(query)).map(toUserDto);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user for a person (created too when new), optionally with a password' })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(actorOf(p), dto));
  }

  @Get(':id')
  async get(@Param('id', UuidParam('Användaren')) id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Put(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a user's password; every session of theirs is signed out" })
  async setPassword(@CurrentPrincipal() p: Principal, @Param('id', UuidParam('Användaren')) id: string, @Body() dto: SetPasswordDto): Promise<void> {
    await this.users.setPassword(actorOf(p), id, dto.password);
  }

  @Post(':id/roles')
  @ApiOperation({ summary: 'Grant a role (management per department, committee_secretary per committee); granting again changes nothing' })
  async grant(@CurrentPrincipal() p: Principal, @Param('id', UuidParam('Användaren')) id: string, @Body() dto: GrantRoleDto): Promise<RoleGrantDto> {
    return toGrantDto(await this.users.grantRole(actorOf(p), id, dto));
  }

  @Delete(':id/roles/:grantId')
  @HttpCode(204)
  async revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id', UuidParam('Användaren')) id: string,
    @Param('grantId', UuidParam('Behörigheten')) grantId: string,
  ): Promise<void> {
    await this.users.revokeRole(actorOf(p), id, grantId);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user: every session and access token is revoked at once' })
  async disable(@CurrentPrincipal() p: Principal, @Param('id', UuidParam('Användaren')) id: string): Promise<UserDto> {
    return toUserDto(await this.users.disable(actorOf(p), id));
  }

  @Post(':id/enable')
  @HttpCode(200)
  async enable(@CurrentPrincipal() p: Principal, @Param('id', UuidParam('Användaren')) id: string): Promise<UserDto> {
    return toUserDto(await this.users.enable(actorOf(p), id));
  }
}
