import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { CommonError, FixedClock, Violations } from '@samverka/kernel';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { CheckedBy, createValidationPipe, inputShapeViolations, MAX_INPUT_DEPTH, MultiLine, MultiLineFrom } from './validation';

interface Thing {
  name?: string;
  size?: number;
  until?: string;
}

/** Rules as a rules module writes them: a name is required, a size at most 10, and "until" not after today. */
const thingViolations = (thing: Thing, today: string) =>
  new Violations()
    .text('name', thing.name, { max: 5, empty: 'Ange ett namn', tooLong: 'För långt' })
    .when(thing.size !== undefined && thing.size > 10, 'size', 'max', 'För stor')
    .when(thing.until !== undefined && thing.until > today, 'until', 'notInFuture', 'Framtid').list;

@CheckedBy(thingViolations)
class ThingDto {
  @IsString() name!: string;
  @IsOptional() @IsInt() size?: number;
  @IsOptional() @IsString() until?: string;
}

class BigThingDto extends ThingDto {
  @IsOptional() @IsString() colour?: string;
}

const pipe = createValidationPipe(new FixedClock(new Date('2026-03-10T12:00:00Z')));
const refusal = async (body: unknown, metatype: new () => object = ThingDto) => {
  try {
    await pipe.transform(body, { type: 'body', metatype });
  } catch (e) {
    return (e as CommonError).details;
  }
  throw new Error('the pipe let it through');
};

describe(CheckedBy.name, () => {
  it("with a wrong shape, the command's rules are reported too, on the well-formed fields only, with today from the clock", async () => {
    await expect(refusal({ name: '', size: 'big', until: '2026-03-11', extra: 1 })).resolves.toEqual([
      { field: 'extra', rule: 'unknownField', message: 'Fältet extra är okänt' },
      { field: 'size', rule: 'isInt', message: 'size must be an integer number' },
      { field: 'name', rule: 'isNotEmpty', message: 'Ange ett namn' },
      { field: 'until', rule: 'notInFuture', message: 'Framtid' },
    ]);
    await expect(refusal({ name: 'ok', size: 11, until: '2026-03-10', extra: 1 })).resolves.toEqual([
      { field: 'extra', rule: 'unknownField', message: 'Fältet extra är okänt' },
      { field: 'size', rule: 'max', message: 'För stor' },
    ]);
  });

  it('a class that extends a checked one is checked by the same rules', async () => {
    await expect(refusal({ name: 'alldeles för långt', colour: 3 }, BigThingDto)).resolves.toEqual([
      { field: 'colour', rule: 'isString', message: 'colour must be a string' },
      { field: 'name', rule: 'maxLength', message: 'För långt' },
    ]);
  });

  it('with the right shape, the rules are left to the service: the pipe lets the command through', async () => {
    await expect(pipe.transform({ name: '', size: 11 }, { type: 'body', metatype: ThingDto })).resolves.toMatchObject({ name: '', size: 11 });
  });
});

class ChildDto {
  @ApiProperty() kind!: string;
}

class ParentDto {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() @MultiLine() text?: string;
  @ApiPropertyOptional({ type: [String] }) @MultiLine() lines?: string[];
  @ApiPropertyOptional({ type: [String] }) tags?: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) note?: string | null;
  @ApiPropertyOptional({ type: ChildDto }) child?: ChildDto;
  @ApiPropertyOptional({ type: [ChildDto] }) children?: ChildDto[];
}

const rules = (input: unknown) => inputShapeViolations(input, ParentDto).map((v) => `${v.field}:${v.rule}`);

describe(inputShapeViolations.name, () => {
  it('passes well-formed input, and null where the document says nullable', () => {
    expect(rules({ name: 'Namn', note: null, child: { kind: 'a' }, children: [{ kind: 'b' }] })).toEqual([]);
  });

  it('refuses null where not nullable, an array for one object, and bad text at any depth', () => {
    expect(rules({ name: null })).toEqual(['name:isNotNull']);
    expect(rules({ child: [] })).toEqual(['child:isObject']);
    expect(rules({ child: { kind: null } })).toEqual(['child.kind:isNotNull']);
    expect(rules({ children: [{ kind: 'x\u0000' }] })).toEqual(['children[0].kind:noNulCharacter']);
  });

  it('refuses control characters, and line breaks too outside the fields marked @MultiLine', () => {
    expect(rules({ name: 'Ett\nnamn', text: 'rad ett\r\nrad två\tmed tabb', lines: ['a\nb'], tags: ['a\tb'] })).toEqual(['tags[0]:noControlCharacter', 'name:noControlCharacter']);
    expect(rules({ text: 'rad\u0007', lines: ['\u001b[31m'], child: { kind: 'a\u2028b' } })).toEqual(['child.kind:noControlCharacter', 'lines[0]:noControlCharacter', 'text:noControlCharacter']);
    expect(rules({ ['nyckel\n']: 'x' })).toEqual(['nyckel\n:noControlCharacter']);
  });

  it('takes a field of a class that extends a DTO as multi-line when the DTO marks it', () => {
    class MoreDto extends ParentDto {}
    expect(inputShapeViolations({ text: 'rad ett\nrad två', name: 'a\rb' }, MoreDto).map((v) => `${v.field}:${v.rule}`)).toEqual(['name:noControlCharacter']);
  });

  it('takes the marked fields of a mapped type (PartialType, OmitType) as multi-line when it says @MultiLineFrom, and not otherwise', () => {
    class Unmarked extends PartialType(OmitType(ParentDto, ['tags'] as const)) {}
    @MultiLineFrom(ParentDto)
    class Marked extends PartialType(OmitType(ParentDto, ['tags'] as const)) {}
    const input = { text: 'rad ett\nrad två', lines: ['a\nb'], name: 'a\rb' };
    expect(inputShapeViolations(input, Unmarked).map((v) => `${v.field}:${v.rule}`).sort()).toEqual(['lines[0]:noControlCharacter', 'name:noControlCharacter', 'text:noControlCharacter']);
    expect(inputShapeViolations(input, Marked).map((v) => `${v.field}:${v.rule}`)).toEqual(['name:noControlCharacter']);
  });

  it('takes a query or a path parameter (no DTO) as single-line, and leaves the control characters of a body without a DTO (a web form) to the form', () => {
    expect(inputShapeViolations({ q: 'a\nb' }, undefined, { untyped: 'singleLine' }).map((v) => v.rule)).toEqual(['noControlCharacter']);
    expect(inputShapeViolations({ description: 'a\nb', title: 'a\u0007b' }, undefined).map((v) => v.rule)).toEqual([]);
    expect(inputShapeViolations({ description: 'a\u0000b' }, undefined).map((v) => v.rule)).toEqual(['noNulCharacter']);
  });

  it('refuses nesting deeper than the limit without recursing (no stack overflow at 100 000 levels)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(rules({ name: deep })).toEqual([`name${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}:maxDepth`]);
    let fine: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = [fine];
    expect(inputShapeViolations(fine, undefined)).toEqual([]);
  });
});
