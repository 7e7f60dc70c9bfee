import { ArgumentMetadata, Injectable, Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { CommonError, CommonErrorCode } from '@samverka/kernel';
import { isUUID } from 'class-validator';

/**
 * Path ids are UUIDs; anything else cannot exist, so it is a 404 that says
 * what was asked for and which rule the parameter broke ("Planomgången finns
 * inte: id måste vara ett UUID"), with the parameter and rule as context.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  constructor(private readonly what: string) {}

  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const parameter = metadata.data ?? 'id';
    throw new CommonError(CommonErrorCode.NOT_FOUND, `${this.what} finns inte: ${parameter} måste vara ett UUID`, {
      entity: this.what,
      parameter,
      rule: 'isUuid',
    });
  }
}

export const UuidParam = (what: string) => new UuidParamPipe(what);

/**
 * A path parameter that is an id, e.g. `@IdParam('id', 'Planomgången')`: the UUID check above, and
 * the OpenAPI document says so (format uuid), so a client knows a malformed id is a 404.
 */
export const IdParam = (name: string, what: string): ParameterDecorator => (target, key, index) => {
  Param(name, UuidParam(what))(target, key, index);
  const method = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (method) ApiParam({ name, type: String, format: 'uuid', description: `${what}s id (a UUID; anything else is answered 404)` })(target, key!, method);
};
