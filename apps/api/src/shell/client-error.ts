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
