import JSZip from 'jszip';

/** What a test reads back from a .docx: its body's XML, the text of each paragraph with its style, the styles and core properties. */
export interface ParsedDocx {
  documentXml: string;
  stylesXml: string;
  coreXml: string;
  /** Every paragraph of the body, in order: its style id (`Heading1`, `Title`, or null) and its text. */
  paragraphs: Array<{ style: string | null; text: string }>;
  /** The text of the whole body, paragraphs joined by line breaks. */
  text: string;
  /** The document title (dc:title). */
  title: string | null;
  /** How many table rows are marked to repeat as a header on every page (w:tblHeader). */
  repeatingHeaderRows: number;
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Unzips a Word document (it is a zip of XML parts) and reads what a user and a screen reader would notice. */
export async function parseDocx(buffer: Buffer | Uint8Array): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const [documentXml, stylesXml, coreXml] = await Promise.all([read('word/document.xml'), read('word/styles.xml'), read('docProps/core.xml')]);
  const paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(coreXml)?.[1];
  return {
    documentXml,
    stylesXml,
    coreXml,
    paragraphs,
    text: paragraphs.map((p) => p.text).join('\n'),
    title: title === undefined ? null : decode(title),
    repeatingHeaderRows: (documentXml.match(/<w:tblHeader\/?>|<w:tblHeader [^>]*\/>/g) ?? []).length,
  };
}

/** The texts of the paragraphs with this style, e.g. every `Heading2`. */
export const headingsOf = (d: ParsedDocx, style: string): string[] => d.paragraphs.filter((p) => p.style === style).map((p) => p.text);
