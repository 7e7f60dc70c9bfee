import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SamverkaConfig } from '@samverka/config';

/** View engine, form bodies and static assets for the server-rendered UI. */
export async function configureWeb(app: NestFastifyApplication, config: SamverkaConfig): Promise<void> {
  void app;
  void config;
}
