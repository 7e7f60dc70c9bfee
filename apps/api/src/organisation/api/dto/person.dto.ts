import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PERSON_MAX, PersonInput, personViolations } from '@samverka/organisation';
import { PageQueryDto } from '../../../shell/api-paging';
import { Trim } from '../../../shell/trim';
import { CheckedBy } from '../../../shell/validation';

/** Shape only: the rules are personViolations (libs/organisation), checked by PeopleService. */
@CheckedBy((person: Partial<PersonInput>) => personViolations(person))
export class CreatePersonDto {
  @ApiProperty({ example: 'Annika Åsberg', maxLength: PERSON_MAX.name })
  @Trim() @IsString()
  name!: string;

  @ApiProperty({ example: 'annika.asberg@malmo.example', format: 'email', maxLength: PERSON_MAX.email })
  @Trim() @IsString()
  email!: string;

  @ApiPropertyOptional({ example: 'Avdelningschef', maxLength: PERSON_MAX.title })
  @IsOptional() @Trim() @IsString()
  title?: string;
}

/** The people's filters, and the page (`limit`, `offset`). */
export class PersonQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'exact e-mail, case-insensitive' })
  @IsOptional() @IsString()
  email?: string;

  @ApiPropertyOptional({ description: 'part of the name or e-mail' })
  @IsOptional() @IsString() @MaxLength(PERSON_MAX.name)
  q?: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
}
