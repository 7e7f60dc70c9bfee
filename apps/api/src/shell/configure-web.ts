import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SamverkaConfig } from '@samverka/config';
import { STYLESHEET_PATH, WebAssets } from './web-assets';

const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * Static assets for the server-rendered UI. Views are compiled once by
 * ViewRenderer (a provider); form bodies (application/x-www-form-urlencoded)
 * are already parsed by Nest's FastifyAdapter, so @fastify/formbody is not
 * registered again.
 */
export async function configureWeb(app: NestFastifyApplication, config: SamverkaConfig): Promise<void> {
  void config;
  const assets = app.get(WebAssets);
  app
    .getHttpAdapter()
    .getInstance()
    .get<{ Querystring: { v?: string } }>(STYLESHEET_PATH, async (request, reply) => {
      // The layout links the stylesheet with its content hash: that URL never changes meaning.
      const versioned = request.query.v === assets.version;
      void reply
        .header('content-type', 'text/css; charset=utf-8')
        .header('cache-control', versioned ? `public, max-age=${ONE_YEAR}, immutable` : 'public, max-age=300')
        .header('etag', assets.etag)
        .header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === assets.etag) return reply.status(304).send();
      return reply.send(assets.css);
    });
}
