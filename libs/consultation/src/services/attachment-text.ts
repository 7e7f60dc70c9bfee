import { Worker } from 'node:worker_threads';
import mammoth from 'mammoth';
import { AttachmentMediaType } from '../consultation.model';
import { DOCX_MEDIA_TYPE } from '../rules/attachment.rules';

/**
 * The text of a response document, to prefill the full text for the person entering it to check
 * (never saved as the response's text by itself): a DOCX through mammoth, a text-based PDF through
 * pdf-parse in a worker thread of its own (pages joined by a blank line; at most PDF_TEXT_TIMEOUT_MS). A document without text (a scanned image) or one the
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

/** How long a PDF's text may take to read before the upload goes on without it. */
export const PDF_TEXT_TIMEOUT_MS = 20_000;

/**
 * pdf-parse (pdf.js) reads the document in a worker thread: a large or hostile PDF then never blocks
 * the requests being served, and pdf.js loads its own worker module by a dynamic import, which only a
 * plain Node context (not a test runner's sandbox) allows.
 */
function pdfText(content: Buffer): Promise<string> {
  const script = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    (async () => {
      const parser = new PDFParse({ data: workerData });
      try {
        parentPort.postMessage({ text: (await parser.getText({ pageJoiner: '' })).text });
      } catch (e) {
        parentPort.postMessage({ error: String(e && e.message || e) });
      } finally {
        await parser.destroy();
      }
    })();`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: true, workerData: new Uint8Array(content) });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('PDF text extraction timed out'));
    }, PDF_TEXT_TIMEOUT_MS);
    worker.once('message', (m: { text?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (typeof m.text === 'string') resolve(m.text);
      else reject(new Error(m.error ?? 'PDF text extraction failed'));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
