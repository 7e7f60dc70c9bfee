import { Liveness } from './health/liveness';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SamverkaConfig } from '@samverka/config';
import { DEMO_SEED_ACTOR } from '@samverka/audit';
import { migrateDatabase } from '@samverka/database';
import { DEMO_PASSWORD, DemoUsersSeeder } from '@samverka/identity';
import { Clock } from '@samverka/kernel';
import { DemoCitySeeder } from '@samverka/organisation';
import { DemoRoundSeeder } from '@samverka/rounds';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiModule } from './api.module';
import { completeContract, ErrorDto, ViolationDto } from './shell/api-contract';
import { DomainExceptionFilter } from './shell/domain-exception.filter';
import { clientErrorHandler, frameworkErrors } from './shell/client-error';
import { requestId } from './shell/logging';
import { registerSecurityHeaders } from './shell/security-headers';
import { createValidationPipe } from './shell/validation';
import { configureWeb } from './shell/configure-web';
import { registerUploads } from './consultation/api/upload';
import { WebExceptionFilter } from './shell/web-exception.filter';

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = new DocumentBuilder()
    .setTitle('Samverka API')
    .setDescription(
      'Samverka: the collaboration process (samarbetsprocess) around citizen service. ' +
        'Every refusal is the `Error` schema `{ code, message, details?, context?, errorId? }`: `details` lists each field and rule ' +
        'the input broke, `context` carries the other facts (a state, a version, how long to wait).',
    )
    .setVersion('1')
    .addServer('/', 'this server')
    .addTag('auth', 'Access tokens and who is signed in')
    .addTag('admin', 'Users, roles and the e-mail outbox (admins)')
    .addTag('organisation', 'Committees (nämnder), departments (förvaltningar) and people')
    .addTag('coordinators', 'Coordinator assignments and their coverage')
    .addTag('notifications', 'E-mail preferences')
    .addTag('rounds', 'Plan rounds (planomgångar) and their workflow')
    .addTag('needs', 'Needs (behov), submissions, analysis and export')
    .addTag('reference', 'Reference lists for tagging needs')
    .addTag('tasks', 'What the signed-in user has to do now (att göra)')
    .addTag('plan', 'The plan (utvecklingsplan): its draft, items, responsibilities, frozen versions and what changed')
    .addTag('consultation', 'The consultation (remiss) of the plan: recipients, extensions, responses, the compilation and triage, the decision')
    .addTag('follow-up', 'Follow-up (uppföljning) of the adopted plan: reporting periods, reports, the roll-up, the CSV round trip')
    .addTag('overview', 'The city overview (stadsöversikt): open rounds, what is overdue and by whom, coordinator coverage')
    .addTag('health', 'Liveness and readiness')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an opaque access token: POST /api/v1/auth/token gives one' })
    .build();
  return completeContract(SwaggerModule.createDocument(app, document, { extraModels: [ErrorDto, ViolationDto] }));
}

/**
 * The API application, configured but not listening: main.ts listens, tests
 * use the same function so they exercise exactly what runs in production.
 */
export async function createApiApp(config: SamverkaConfig, databaseUrl: string, module: Type | undefined = undefined): Promise<NestFastifyApplication> {
  // X-Forwarded-For/-Proto only from the configured proxies: the client is the right-most address not among them.
  const trustProxy = config.app.trustedProxies.length > 0 ? config.app.trustedProxies : false;
  const adapter = new FastifyAdapter({ trustProxy, bodyLimit: 1_048_576, requestIdHeader: false, genReqId: requestId, clientErrorHandler, frameworkErrors });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(module ?? ApiModule.forRoot(config, databaseUrl), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await app.register(fastifyCookie);
  // Files (the signed response document) only on the routes that take them: every other route refuses multipart as before.
  await registerUploads(app.getHttpAdapter().getInstance());
  await registerSecurityHeaders(app);
  app.get(Liveness).registerFastPath(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe(app.get(Clock)));
  app.useGlobalFilters(new DomainExceptionFilter(config, app.get(WebExceptionFilter)));
  await configureWeb(app, config);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * What happens between creating the API and listening, in production and in the tests alike:
 * pending migrations, the lifecycle hooks (the round fact providers are collected in one, so no
 * service is asked anything before), and in development the demo city in an empty database.
 */
export async function prepareApiApp(app: NestFastifyApplication, config: SamverkaConfig, log: (message: string) => void = () => undefined): Promise<void> {
  const applied = await migrateDatabase(app.get(DataSource));
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  await app.init();
  const seeder = app.get(DemoCitySeeder);
  if (!config.app.seedDemoData || !(await seeder.isEmpty())) return;
  const actor = DEMO_SEED_ACTOR;
  const counts = await seeder.seed(actor);
  const users = await app.get(DemoUsersSeeder).seed(actor);
  const round = await app.get(DemoRoundSeeder).seed(actor);
  log(`loaded the demo city: ${JSON.stringify(counts)}; demo users (password ${DEMO_PASSWORD}): ${users.map((u) => `${u.email} (${u.role})`).join(', ')}`);
  if (round) log(`demo plan round "${round.title}" launched: ${config.app.publicUrl}/planomgangar/${round.id}`);
}
