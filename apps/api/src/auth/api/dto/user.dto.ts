import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { CreateUserInput, GRANTED_ROLES, GrantedRole, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newUserViolations } from '@samverka/identity';
import { PERSON_MAX } from '@samverka/organisation';
import { Trim } from '../../../shell/trim';
import { CheckedBy } from '../../../shell/validation';
import { RoleScopeDto } from './auth.dto';
import { PageQueryDto } from '../../../shell/api-paging';

/** Shape only: the rules are newUserViolations (libs/identity), checked by UserAdminService. */
@CheckedBy((user: Partial<CreateUserInput>) => newUserViolations(user))
export class CreateUserDto {
  @ApiProperty({ example: 'annika.asberg@malmo.example', format: 'email', maxLength: PERSON_MAX.email, description: "the person's e-mail; the person is created when none has it" })
  @Trim() @IsString()
  email!: string;

  @ApiPropertyOptional({ example: 'Annika Åsberg', maxLength: PERSON_MAX.name, description: 'needed when no person has the e-mail yet' })
  @IsOptional() @Trim() @IsString()
  name?: string;

  @ApiPropertyOptional({ example: 'Avdelningschef', maxLength: PERSON_MAX.title })
  @IsOptional() @Trim() @IsString()
  title?: string;

  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description: 'omit for single sign-on only' })
  @IsOptional() @IsString()
  password?: string;
}

/** Shape only: the rules are passwordViolations (libs/identity), checked by UserAdminService. */
export class SetPasswordDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  password!: string;
}

export class GrantRoleDto {
  @ApiProperty({ enum: GRANTED_ROLES, description: 'coordinator is not granted: it follows from a coordinator assignment' })
  @IsIn(GRANTED_ROLES)
  role!: GrantedRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for management' })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for committee_secretary' })
  @IsOptional() @IsUUID()
  committeeId?: string;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'exact e-mail, case-insensitive' })
  @IsOptional() @IsString()
  email?: string;
}

export class RoleGrantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: GRANTED_ROLES }) role!: GrantedRole;
  @ApiProperty({ type: RoleScopeDto, nullable: true }) department!: RoleScopeDto | null;
  @ApiProperty({ type: RoleScopeDto, nullable: true }) committee!: RoleScopeDto | null;
  @ApiProperty() grantedAt!: Date;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty() hasPassword!: boolean;
  @ApiProperty({ nullable: true, type: Date }) disabledAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastSignInAt!: Date | null;
  @ApiProperty({ type: [RoleGrantDto] }) roles!: RoleGrantDto[];
}
