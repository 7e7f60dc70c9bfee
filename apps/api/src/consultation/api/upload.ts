import { ATTACHMENT_MAX_BYTES } from '@samverka/consultation';
import { CommonError } from '@samverka/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { errorCodes } from 'fastify';

/**
 * The routes that take a file (multipart/form-data), by their route pattern. Every other route
 * refuses a multipart body as before (415), so no form or JSON endpoint meets one by surprise.
 */
export const MULTIPART_ROUTES = new Set<string>([
  '/api/v1/rounds/:id/consultation/responses/:committeeId/draft/attachment',
  '/planomgangar/:id/remiss/:committeeId/dokument',
  '/api/v1/rounds/:id/follow-up/periods/:periodId/reports.csv',
  '/planomgangar/:id/uppfoljning/forvaltningar/:departmentId/import',
]);

/**
 * The page routes among MULTIPART_ROUTES: a form posted without JavaScript, whose `_csrf` the
 * AccessGuard reads from the parsed body. Their multipart body is parsed before the guard runs
 * (preValidation): the text fields become `request.body`, the file is kept aside for the handler
 * ({@link takePageUpload}). The guard then checks the token exactly as for any other form.
 */
export const MULTIPART_PAGE_ROUTES = new Set<string>(['/planomgangar/:id/remiss/:committeeId/dokument', '/planomgangar/:id/uppfoljning/forvaltningar/:departmentId/import']);

/** What a page route's multipart body held: the file, or the error reading it (thrown by the handler, after the guard). */
interface PageUpload {
  file: { fileName: string; content: Buffer } | null;
  error: unknown;
}
const PAGE_UPLOAD = Symbol('samverka.pageUpload');
type WithPageUpload = FastifyRequest & { [PAGE_UPLOAD]?: PageUpload };

/** Registers @fastify/multipart (one file of at most ATTACHMENT_MAX_BYTES) for MULTIPART_ROUTES only. */
export async function registerUploads(instance: FastifyInstance): Promise<void> {
  await instance.register(fastifyMultipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 200, fieldSize: 1_048_576, parts: 201 } });
  // A CSV file sent as the body (the follow-up's report import): kept as bytes, its encoding is detected by the import.
  instance.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: 2 * 1_048_576 }, (_request, body, done) => done(null, body));
  instance.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !MULTIPART_ROUTES.has(request.routeOptions.url ?? '')) {
      throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type'] ?? 'multipart/form-data');
    }
    if (request.isMultipart() && MULTIPART_PAGE_ROUTES.has(request.routeOptions.url ?? '')) {
      // The fields read before a failure (the form puts `_csrf` before the file) still reach the guard.
      const fields: Record<string, string> = Object.create(null) as Record<string, string>;
      try {
        const { file } = await readUpload(request, 'file', fields);
        request.body = fields;
        (request as WithPageUpload)[PAGE_UPLOAD] = { file, error: null };
      } catch (error) {
        request.body = fields;
        (request as WithPageUpload)[PAGE_UPLOAD] = { file: null, error };
      }
    }
  });
}

/** The uploaded file and the form's other fields; a file over the limit or a body that is not multipart is a 400 naming the field. */
export async function readUpload(
  request: FastifyRequest,
  field = 'file',
  fields: Record<string, string> = {},
): Promise<{ file: { fileName: string; content: Buffer } | null; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw CommonError.invalidField(field, 'isNotEmpty', 'Skicka dokumentet som multipart/form-data med fältet file');
  let file: { fileName: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === field && content.length > 0) file = { fileName: part.filename, content };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if (e instanceof request.server.multipartErrors.RequestFileTooLargeError) {
      throw CommonError.invalidField(field, 'maxSize', `Filen får vara högst ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
    }
    if (e instanceof request.server.multipartErrors.FilesLimitError) throw CommonError.invalidField(field, 'maxFiles', 'Skicka ett dokument i taget');
    throw e;
  }
  return { file, fields };
}

/** A page route's uploaded file, read before the guard (null when none was sent); the error reading it, thrown now. */
export function takePageUpload(request: FastifyRequest): { fileName: string; content: Buffer } | null {
  const upload = (request as WithPageUpload)[PAGE_UPLOAD];
  if (!upload) throw CommonError.invalidField('file', 'isNotEmpty', 'Välj dokumentet att bifoga (PDF eller Word)');
  if (upload.error) throw upload.error;
  return upload.file;
}
