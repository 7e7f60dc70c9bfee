import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * The parts the plan's Word documents share (`docx`): accessible by construction — real heading
 * styles (Title, Heading1–3), the document title in its core properties, Swedish (`sv-SE`) as the
 * language of every run, and tables whose header row repeats on every page.
 */

/** What the first page of every document says: the round, its case number (diarienummer), the version and its date. */
export interface DocumentHeading {
  roundTitle: string;
  caseNumber: string;
  /** null: the draft. */
  version: number | null;
  /** The version's date (when it was frozen), or the day the draft was printed: "3 mars 2027". */
  dateText: string;
}

export type Block = Paragraph | Table;

export const LANGUAGE = 'sv-SE';

export const title = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.TITLE });
export const h1 = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
export const h2 = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
export const h3 = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.HEADING_3 });

/** A text as paragraphs, one per line it holds (empty lines dropped); `empty` when it has none. */
export function paragraphs(text: string, empty = 'Ingen text ännu.'): Paragraph[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  return (lines.length > 0 ? lines : [empty]).map((line) => new Paragraph({ text: line }));
}

/** "Etikett: värde", the label bold. */
export const labelled = (label: string, value: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

const cell = (text: string, header = false): TableCell =>
  new TableCell({ children: text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] })) });

/** A full-width table; its first row is the header, repeated at the top of every page the table runs onto. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v)) })),
    ],
  });
}

/** The first page's facts: case number, version and date. */
export function headingFacts(h: DocumentHeading): Paragraph[] {
  return [
    labelled('Planomgång', h.roundTitle),
    labelled('Diarienummer', h.caseNumber),
    labelled('Version', h.version === null ? 'Utkast (inte fastställt)' : String(h.version)),
    labelled(h.version === null ? 'Utskrivet' : 'Fastställd', h.dateText),
  ];
}

/** The document as a .docx file. */
export function pack(documentTitle: string, subject: string, blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    title: documentTitle,
    subject,
    creator: 'Samverka',
    description: subject,
    styles: { default: { document: { run: { language: { value: LANGUAGE } } } } },
    sections: [{ children: blocks }],
  });
  return Packer.toBuffer(doc);
}
