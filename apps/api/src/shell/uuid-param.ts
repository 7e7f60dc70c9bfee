import { ParseUUIDPipe } from '@nestjs/common';
import { CommonError } from '@samverka/kernel';

/** Path ids are UUIDs; anything else cannot exist, so it is a 404 naming the id. */
export const UuidParam = (what: string) =>
  new ParseUUIDPipe({ version: undefined, exceptionFactory: (value: string) => CommonError.notFound(what, String(value ?? '')) });
