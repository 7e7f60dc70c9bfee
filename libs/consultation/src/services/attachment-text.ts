import mammoth from 'mammoth';
import { AttachmentMediaType } from '../consultation.model';
import { DOCX_MEDIA_TYPE } from '../rules/attachment.rules';

// pdf-parse 2 ships CommonJS with its own types; required so that its worker setup runs as documented.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PDFParse } = require('pdf-parse') as typeof import('pdf-parse');

/**
 * The text of a response document, to prefill the full text for the person entering it to check
 * (never saved as the response's text by itself): a DOCX through mammoth, a text-based PDF through
 * pdf-parse (pages joined by a blank line). A document without text (a scanned image) or one the
 * libraries cannot read gives null: the person types or pastes the text instead.
 */
export async function extractAttachmentText(mediaType: AttachmentMediaType, content: Buffer): Promise<string | null> {
  try {
    const text = mediaType === DOCX_MEDIA_TYPE ? (await mammoth.extractRawText({ buffer: content })).value : await pdfText(content);
    return text.trim() === '' ? null : text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  } catch {
    return null;
  }
}

async function pdfText(content: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(content) });
  try {
    return (await parser.getText({ pageJoiner: '' })).text;
  } finally {
    await parser.destroy();
  }
}
