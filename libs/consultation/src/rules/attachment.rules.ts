import { FieldViolation, formatCount } from '@samverka/kernel';
import { ATTACHMENT_MAX_BYTES, AttachmentMediaType } from '../consultation.model';

export const PDF_MEDIA_TYPE: AttachmentMediaType = 'application/pdf';
export const DOCX_MEDIA_TYPE: AttachmentMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * What the file is, by its content (never by its name or the type the browser sent): a PDF starts
 * with `%PDF-`; a DOCX is a zip archive (`PK\x03\x04`) holding `word/document.xml` (zip keeps the
 * member names uncompressed). Anything else: null.
 */
export function sniffAttachment(content: Buffer): AttachmentMediaType | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return PDF_MEDIA_TYPE;
  if (content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04 && content.includes('word/document.xml', 0, 'latin1')) {
    return DOCX_MEDIA_TYPE;
  }
  return null;
}

/** Every rule of an uploaded response document, naming the field (`file`). */
export function attachmentViolations(file: { fileName: string; content: Buffer } | null, field = 'file'): FieldViolation[] {
  if (!file || file.content.length === 0) return [{ field, rule: 'isNotEmpty', message: 'Välj det undertecknade yttrandet (PDF eller Word-dokument)' }];
  if (file.content.length > ATTACHMENT_MAX_BYTES) {
    return [{ field, rule: 'maxSize', message: `Filen får vara högst ${formatCount(ATTACHMENT_MAX_BYTES / 1024 / 1024)} MB` }];
  }
  if (sniffAttachment(file.content) === null) return [{ field, rule: 'fileType', message: 'Filen är varken en PDF eller ett Word-dokument (.docx)' }];
  return [];
}
