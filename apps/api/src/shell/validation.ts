import { ValidationError, ValidationPipe } from '@nestjs/common';
import { Clock, CommonError, FieldViolation, LocalDate, localDateInCity } from '@samverka/kernel';
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
