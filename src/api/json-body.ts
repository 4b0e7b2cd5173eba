// Request bodies are JSON in UTF-8 (RFC 8259): a body labelled with another charset is refused
// with 415 rather than read as UTF-8, and bytes that are not UTF-8 with 400 rather than stored
// with replacement characters. Plain text has no parser, so it answers 415 too.
import type { FastifyInstance } from 'fastify';
import { ClienteleError } from '../domain/errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The charset a Content-Type header names, lower-cased without quotes, or undefined. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType ?? '');
  return match?.[2]?.toLowerCase();
}

const unsupported = (message: string) => Object.assign(new Error(message), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });

export function useUtf8JsonBodies(app: Pick<FastifyInstance, 'getDefaultJsonParser' | 'removeContentTypeParser' | 'addContentTypeParser'>): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return done(unsupported(`Send the body as JSON in UTF-8, not ${charset}.`), undefined);
    }
    let text: string;
    try {
      text = UTF8.decode(body as Buffer);
    } catch (error) {
      return done(new ClienteleError('bad_request', 'The request body is not valid UTF-8.', undefined, { cause: error }), undefined);
    }
    parse(request, text, done);
  });
}
