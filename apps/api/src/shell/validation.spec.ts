import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { inputShapeViolations, MAX_INPUT_DEPTH } from './validation';

class ChildDto {
  @ApiProperty() kind!: string;
}

class ParentDto {
  @ApiPropertyOptional() name?: string;
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

  it('refuses nesting deeper than the limit without recursing (no stack overflow at 100 000 levels)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(rules({ name: deep })).toEqual([`name${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}:maxDepth`]);
    let fine: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = [fine];
    expect(inputShapeViolations(fine, undefined)).toEqual([]);
  });
});
