import Fastify, { FastifyInstance } from 'fastify';

/**
 * Baseline (a): a bare Fastify 5 route returning a small JSON object, in the
 * same process as the API app and loaded by the same generator, so the
 * ratio to it is what Nest, the app's hooks, its handlers and the database
 * add on top of plain HTTP on this machine.
 */
export async function startBaselineServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: FastifyInstance = Fastify({ logger: false });
  server.get('/baseline', async () => ({ status: 'ok', service: 'baseline' }));
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/baseline`, close: () => server.close() };
}
