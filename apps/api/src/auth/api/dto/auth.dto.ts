import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../shell/trim';

export class TokenRequestDto {
  @ApiProperty({ example: 'maria.lindqvist@malmo.example', format: 'email', maxLength: 320 })
  @Trim() @IsEmail({ allow_utf8_local_part: true }, { message: 'email must be a valid e-mail address' }) @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'ett långt lösenord', minLength: 1, maxLength: 200 })
  @IsString() @IsNotEmpty() @MaxLength(200)
  password!: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'opaque; send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', minimum: 1, description: 'seconds until the token expires', example: 3600 }) expiresIn!: number;
}

export class RoleScopeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: ['admin', 'strategist', 'coordinator', 'management', 'committee_secretary'], isArray: true }) roles!: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'departments coordinated today (ids)' }) coordinatorOf!: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'departments managed (ids)' }) managementOf!: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'committees (ids)' }) secretaryOf!: string[];
}
