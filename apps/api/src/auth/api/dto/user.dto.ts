import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { GRANTED_ROLES, GrantedRole, MIN_PASSWORD_LENGTH } from '@samverka/identity';
import { Trim } from '../../../shell/trim';
import { RoleScopeDto } from './auth.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'annika.asberg@malmo.example', description: "the person's e-mail; the person is created when none has it" })
  @Trim() @IsEmail({ allow_utf8_local_part: true }, { message: 'email must be a valid e-mail address' }) @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ example: 'Annika Åsberg', description: 'needed when no person has the e-mail yet' })
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Avdelningschef' })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: `at least ${MIN_PASSWORD_LENGTH} characters; omit for single sign-on only` })
  @IsOptional() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200)
  password?: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: `at least ${MIN_PASSWORD_LENGTH} characters` })
  @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200)
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

export class UserQueryDto {
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
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty() hasPassword!: boolean;
  @ApiProperty({ nullable: true, type: Date }) disabledAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastSignInAt!: Date | null;
  @ApiProperty({ type: [RoleGrantDto] }) roles!: RoleGrantDto[];
}
