import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
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
