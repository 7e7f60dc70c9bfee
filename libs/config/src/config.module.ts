import { DynamicModule, Global, Module } from '@nestjs/common';
import { SamverkaConfig } from './config.schema';
import { loadConfig } from './load-config';

/** Injection token for the whole validated configuration. */
export const SAMVERKA_CONFIG = Symbol('SAMVERKA_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Pass a config already loaded (bootstrap needs it before Nest starts), or let it read the environment. */
  static forRoot(config: SamverkaConfig = loadConfig()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: SAMVERKA_CONFIG, useValue: config }],
      exports: [SAMVERKA_CONFIG],
    };
  }
}
