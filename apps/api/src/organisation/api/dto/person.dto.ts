import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../shell/trim';

export class CreatePersonDto {
  @ApiProperty({ example: 'Annika Åsberg' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'annika.asberg@malmo.example' })
  @Trim() @IsEmail({ allow_utf8_local_part: true }, { message: 'email must be a valid e-mail address' }) @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ example: 'Avdelningschef' })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  title?: string;
}

export class PersonQueryDto {
  @ApiPropertyOptional({ description: 'exact e-mail, case-insensitive' })
  @IsOptional() @IsString()
  email?: string;

  @ApiPropertyOptional({ description: 'part of the name or e-mail' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
}
