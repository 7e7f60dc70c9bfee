import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '../common/domain-exception.filter';
import { PageModel, ViewRenderer } from './view-renderer';

export interface ErrorPageModel extends PageModel {
  status: number;
  heading: string;
  message: string;
  errorId: string | null;
}

/** The HTML page for an error: 404 and 500 have their own wording, other refusals show the (Swedish) domain message. */
export function errorPage(status: number, message: string, errorId: string | null): ErrorPageModel {
  if (status === 404) {
    return { title: 'Sidan kunde inte hittas', section: null, status, heading: 'Sidan kunde inte hittas', message: '', errorId: null };
  }
  if (status >= 500) {
    return { title: 'Något gick fel', section: null, status, heading: 'Något gick fel', message: '', errorId };
  }
  return { title: 'Det gick inte att genomföra', section: null, status, heading: 'Det gick inte att genomföra', message, errorId: null };
}

/**
 * Errors of the web UI as Swedish HTML pages (the API keeps its JSON errors:
 * this filter is applied to web controllers only, with @UseFilters).
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(private readonly views: ViewRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { status, body } = toErrorResponse(exception, this.logger, request);
    if (reply.sent) return;
    try {
      this.views.send(reply, 'error', errorPage(status, body.message, body.errorId ?? null), status);
    } catch (renderError) {
      this.logger.error({ err: renderError }, 'Could not render the error page');
      void reply
        .status(status)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(body.errorId ? `Ett oväntat fel inträffade (fel-id ${body.errorId})` : body.message);
    }
  }
}
