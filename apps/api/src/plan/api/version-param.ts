import { ArgumentMetadata, Injectable, Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { PlanError, PlanErrorCode } from '@samverka/plan';

/** The largest version number a path may name (a plan is frozen a handful of times). */
const MAX_VERSION = 100_000;

/**
 * A plan version number in the path (1, 2, …): anything else cannot exist, so it is a 404
 * PLAN_VERSION_NOT_FOUND that says which rule the parameter broke.
 */
@Injectable()
export class VersionParamPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    if (typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) && Number(value) <= MAX_VERSION) return Number(value);
    const parameter = metadata.data ?? 'n';
    throw new PlanError(PlanErrorCode.PLAN_VERSION_NOT_FOUND, `Planversionen finns inte: ${parameter} måste vara ett versionsnummer (1, 2, …)`, { parameter, rule: 'isVersion' });
  }
}

/** A path parameter that is a version number, described in OpenAPI. */
export const VersionParam = (name: string): ParameterDecorator => (target, key, index) => {
  Param(name, new VersionParamPipe())(target, key, index);
  const method = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (method) ApiParam({ name, schema: { type: 'integer', minimum: 1 }, description: 'a version number (1, 2, …; anything else is answered 404)' })(target, key!, method);
};
