import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** Shared kernel providers: the clock (tests replace it with a FixedClock). */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class KernelModule {}
