import type { FastifyReply, FastifyRequest } from 'fastify';
import { wantsPage } from './domain-exception.filter';
import type { Socket } from 'node:net';

/**
 * Requests the HTTP parser refuses before any route sees them (a header or address beyond Node's
 * 16 KiB limit, a malformed request line) still get the error body every other 4xx has:
 * `{ code, message }`, not Fastify's `{ error, message, statusCode }`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'REQUEST_HEADERS_TOO_LARGE', 'Adressen eller huvudena i begäran är för stora']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'Begäran tog för lång tid att ta emot']
        : [400, 'Bad Request', 'BAD_REQUEST', 'Begäran kunde inte tolkas'];
  const body = JSON.stringify({ code, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const BAD_ADDRESS = { code: 'BAD_URL', message: 'Adressen kan inte tolkas: den innehåller kodade tecken som inte är giltig UTF-8' };

/**
 * Fastify's own refusals before routing (an address whose %-escapes are not UTF-8): the error body
 * `{ code, message }` for the API, and a short Swedish page for a browser, not Fastify's
 * `{ error, statusCode }`.
 */
export function frameworkErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const body = error.code === 'FST_ERR_BAD_URL' ? BAD_ADDRESS : { code: 'BAD_REQUEST', message: 'Begäran kunde inte tolkas' };
  void reply.code(400).header('cache-control', 'no-store');
  if (!wantsPage(request)) {
    void reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
    return;
  }
  void reply
    .header('content-type', 'text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Felaktig adress – Samverka</title></head>` +
        `<body><main><h1>Felaktig adress</h1><p>${body.message}.</p><p><a href="/">Till startsidan</a></p></main></body></html>`,
    );
}
