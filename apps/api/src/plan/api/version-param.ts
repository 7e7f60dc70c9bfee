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
    // The global ValidationPipe runs first and may already have turned the text into a number (NaN for "x1").
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && /^[1-9][0-9]{0,5}$/.test(text) && Number(text) <= MAX_VERSION) return Number(text);
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
