import { ATTACHMENT_MAX_BYTES } from '../consultation.model';
import { attachmentViolations, DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE, sniffAttachment } from './attachment.rules';

const zipWith = (name: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(name, 'latin1'), Buffer.from('...')]);

describe(sniffAttachment.name, () => {
  it('knows a PDF by %PDF- and a DOCX by a zip holding word/document.xml, never by the name', () => {
    expect(sniffAttachment(Buffer.from('%PDF-1.7\n...'))).toBe(PDF_MEDIA_TYPE);
    expect(sniffAttachment(zipWith('word/document.xml'))).toBe(DOCX_MEDIA_TYPE);
  });

  it('refuses other zips (an .xlsx), a PDF marker elsewhere than at the start, and text', () => {
    expect(sniffAttachment(zipWith('xl/workbook.xml'))).toBeNull();
    expect(sniffAttachment(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(sniffAttachment(Buffer.from('word/document.xml'))).toBeNull();
    expect(sniffAttachment(Buffer.alloc(0))).toBeNull();
  });
});

describe(attachmentViolations.name, () => {
  it('names the field and the rule: no file, too large, not a document', () => {
    expect(attachmentViolations(null)).toEqual([{ field: 'file', rule: 'isNotEmpty', message: 'Välj det undertecknade yttrandet (PDF eller Word-dokument)' }]);
    const large = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(ATTACHMENT_MAX_BYTES - 4)]);
    expect(attachmentViolations({ fileName: 'a.pdf', content: large })).toEqual([{ field: 'file', rule: 'maxSize', message: 'Filen får vara högst 20 MB' }]);
    expect(attachmentViolations({ fileName: 'a.pdf', content: large.subarray(0, ATTACHMENT_MAX_BYTES) })).toEqual([]);
    expect(attachmentViolations({ fileName: 'a.pdf', content: Buffer.from('hej') })).toEqual([{ field: 'file', rule: 'fileType', message: 'Filen är varken en PDF eller ett Word-dokument (.docx)' }]);
  });
});
