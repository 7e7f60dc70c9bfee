import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { Clock, CommonError, FieldViolation, LocalDate, localDateInCity, malformedTextViolation } from '@samverka/kernel';
import { ValidatorOptions } from 'class-validator';

function flatten(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
      message: rule === 'whitelistValidation' ? `Fältet ${field} är okänt` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The rules of a command, from its context's rules module: `(command, today) => violations`. */
type CommandRules<C> = (command: C, today: LocalDate) => readonly FieldViolation[];

const RULES = new WeakMap<object, CommandRules<never>>();

/**
 * Names the rules (a function of a lib's rules module) of the command a DTO
 * carries. A DTO checks shape only (types, ids, date format, nesting); the
 * service checks the rules. When the shape is wrong the service is never
 * called, so the pipe then applies these rules to the well-formed fields
 * itself: a 400 names every problem at once, as the service would.
 */
export function CheckedBy<C>(rules: CommandRules<C>): ClassDecorator {
  return (target) => {
    RULES.set(target, rules as CommandRules<never>);
  };
}

/** The rules a DTO class names, or one of the classes it extends. */
function rulesOf(type: object | null): CommandRules<never> | undefined {
  for (let t = type; t !== null && t !== Function.prototype; t = Object.getPrototypeOf(t) as object | null) {
    const rules = RULES.get(t);
    if (rules) return rules;
  }
  return undefined;
}

/** The top-level property a violation's field belongs to (`evidence.date` → `evidence`). */
const propertyOf = (field: string) => /^[^.[]*/.exec(field)![0];

/** Deeper than any request the API takes; deeper input is refused before anything recurses into it. */
export const MAX_INPUT_DEPTH = 16;

interface PropertyDoc {
  type?: unknown;
  isArray?: boolean;
  nullable?: boolean;
}

/** What the OpenAPI document says of a DTO's property (null: the class documents no such property). */
function documented(dto: unknown, property: string): PropertyDoc | null {
  if (typeof dto !== 'function') return null;
  const doc = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property) as PropertyDoc | undefined;
  return doc ?? null;
}

const isDto = (type: unknown): type is new () => object =>
  typeof type === 'function' && Array.isArray(Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype));

const MULTI_LINE = Symbol('samverka:multiLine');

/**
 * Marks a DTO's text property (or each text of an array property) as
 * multi-line: a description, a reason, a comment, typed in a textarea. It may
 * hold tab, line feed and carriage return; every other text field is one line
 * (malformedTextViolation). Classes that extend the DTO see the mark too.
 */
export function MultiLine(): PropertyDecorator {
  return (target, property) => {
    Reflect.defineMetadata(MULTI_LINE, true, target, property);
    const marked = (Reflect.getMetadata(MULTI_LINE, target) as string[] | undefined) ?? [];
    Reflect.defineMetadata(MULTI_LINE, [...marked, String(property)], target);
  };
}

/**
 * A mapped type (`PartialType`, `OmitType`, … of `@nestjs/swagger`) copies the validation and OpenAPI
 * metadata of the class it maps, not the multi-line marks: `@MultiLineFrom(Source)` on the mapped class
 * carries them over (for the properties it still has).
 */
export function MultiLineFrom(source: new () => object): ClassDecorator {
  return (target) => {
    for (const property of (Reflect.getMetadata(MULTI_LINE, source.prototype) as string[] | undefined) ?? []) MultiLine()(target.prototype, property);
  };
}

const isMultiLine = (dto: new () => object, property: string): boolean => Reflect.getMetadata(MULTI_LINE, dto.prototype, property) === true;

const PROTOTYPE_KEYS = new Set(['constructor', '__proto__', 'prototype']);

const fieldName = (parent: string, key: string) => (parent === '' ? key : /^\d+$/.test(key) ? `${parent}[${key}]` : `${parent}.${key}`);

export interface InputWalkOptions {
  /**
   * Text outside any DTO: a query filter or a path parameter is one line
   * (`singleLine`); a body with no DTO is a web form (`form`, the default),
   * which knows its textareas and checks lines and control characters itself
   * (formAction), so it can say so at the field: here only NUL and lone
   * surrogates are refused.
   */
  untyped?: 'singleLine' | 'form';
}

/**
 * What holds for every input before its DTO is even looked at, walked
 * without recursion: at most MAX_INPUT_DEPTH levels deep; every string (and
 * key) well formed (no NUL, no lone surrogate, no control character, and one
 * line unless the DTO marks the property @MultiLine()); `null` only where the
 * document says the property is nullable; and a property documented as one
 * object is an object, not an array. One place, for bodies, queries and path
 * parameters alike, so no DTO can forget it.
 */
export function inputShapeViolations(input: unknown, dto: unknown, options: InputWalkOptions = {}): FieldViolation[] {
  const found: FieldViolation[] = [];
  const form = !isDto(dto) && (options.untyped ?? 'form') === 'form';
  const stack: { value: unknown; field: string; depth: number; dto: unknown; multiLine: boolean }[] = [{ value: input, field: '', depth: 0, dto, multiLine: form }];
  while (stack.length > 0 && found.length < 50) {
    const { value, field, depth, dto: type, multiLine } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = malformedTextViolation(field || 'värdet', value, { multiLine });
      if (bad && !(form && bad.rule === 'noControlCharacter')) found.push(bad);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push({ field: field || 'body', rule: 'maxDepth', message: `Uppgifterna är nästlade djupare än ${MAX_INPUT_DEPTH} nivåer` });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const name = fieldName(field, key);
      const keyProblem = malformedTextViolation(name, key);
      if (keyProblem) {
        found.push(keyProblem);
        continue;
      }
      const doc = Array.isArray(value) ? { type, isArray: false } : documented(type, key);
      // class-transformer drops these keys before the whitelist looks, so they would pass unnoticed: unknown, like any other.
      if (!doc && !Array.isArray(value) && PROTOTYPE_KEYS.has(key)) {
        found.push({ field: name, rule: 'unknownField', message: `Fältet ${name} är okänt` });
        continue;
      }
      if (child === null && doc && !Array.isArray(value) && !doc.nullable) {
        found.push({ field: name, rule: 'isNotNull', message: `Fältet ${name} kan inte vara null` });
        continue;
      }
      const nested = doc && isDto(doc.type) ? doc.type : undefined;
      if (nested && !doc!.isArray && Array.isArray(child)) {
        found.push({ field: name, rule: 'isObject', message: `Fältet ${name} ska vara ett objekt` });
        continue;
      }
      // An array's items are texts of the same kind as the array; a DTO's property is one line unless marked.
      const childMultiLine = Array.isArray(value) ? multiLine : isDto(type) ? isMultiLine(type, key) : multiLine;
      stack.push({ value: child, field: name, depth: depth + 1, dto: nested, multiLine: childMultiLine });
    }
  }
  return found;
}

class CommandValidationPipe extends ValidationPipe {
  constructor(private readonly clock: Clock) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => CommonError.invalid(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const field = metadata.type === 'param' && typeof value === 'string' ? (metadata.data ?? '') : '';
      const violations = inputShapeViolations(field ? { [field]: value } : value, metadata.type === 'param' ? undefined : metadata.metatype, {
        untyped: metadata.type === 'body' ? 'form' : 'singleLine',
      });
      if (violations.length > 0) throw CommonError.invalid(violations);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    const rules = errors.length > 0 ? rulesOf(object.constructor) : undefined;
    if (!rules) return errors;
    const malformed = new Set(errors.map((e) => e.property));
    const wellFormed = Object.fromEntries(Object.entries(object).filter(([property]) => !malformed.has(property)));
    const broken = (rules as CommandRules<object>)(wellFormed, localDateInCity(this.clock.now())).filter((v) => !malformed.has(propertyOf(v.field)));
    return [...errors, ...broken.map((v): ValidationError => ({ property: v.field, constraints: { [v.rule]: v.message }, children: [] }))];
  }
}

/** whitelist + forbidNonWhitelisted + transform; failures become VALIDATION_FAILED naming each field and rule. */
export function createValidationPipe(clock: Clock): ValidationPipe {
  return new CommandValidationPipe(clock);
}
