import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { RESPONSE_STANCE_LABELS, TRIAGE_DECISION_LABELS } from '../consultation.vocabulary';
import type { CompilationView } from './compilation.model';

/**
 * Sammanställningen as a Word document: the draft for the executive board. Real heading styles, the title in
 * the core properties, Swedish (`sv-SE`) throughout, tables whose header row repeats on every page.
 */
const cell = (text: string, header = false): TableCell =>
  new TableCell({ children: (text === '' ? ['–'] : text.split(/\r?\n/)).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] })) });

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v)) })),
    ],
  });
}

const labelled = (label: string, value: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

export function compilationDocument(view: CompilationView, dateText: string): Promise<Buffer> {
  const documentTitle = `Sammanställning av remissvar – ${view.round.title}`;
  const counts = view.stanceCounts;
  const blocks: Array<Paragraph | Table> = [
    new Paragraph({ text: documentTitle, heading: HeadingLevel.TITLE }),
    labelled('Diarienummer', view.round.caseNumber),
    labelled('Planversion på remiss', String(view.planVersion)),
    labelled('Datum', dateText),
    new Paragraph({ text: 'Sammanfattning av ställningstaganden', heading: HeadingLevel.HEADING_1 }),
    table(
      ['Ställningstagande', 'Antal'],
      [
        ...(['approve', 'approve_with_remarks', 'reject', 'decline'] as const).map((s) => [RESPONSE_STANCE_LABELS[s], String(counts[s])]),
        ['Har inte svarat', String(counts.none)],
      ],
    ),
    new Paragraph({ text: 'Förslag och hur de behandlats', heading: HeadingLevel.HEADING_1 }),
    view.proposals.length === 0
      ? new Paragraph({ text: 'Remissvaren innehåller inga förslag.' })
      : table(
          ['Nämnd', 'Förslag', 'Beslut', 'Motivering', 'Ändrade insatser'],
          view.proposals.map((p) => [
            p.committee,
            p.text,
            p.triage ? TRIAGE_DECISION_LABELS[p.triage.decision] : 'Inte behandlat',
            p.triage?.motivation ?? '',
            p.triage ? p.triage.itemCodes.join(', ') : '',
          ]),
        ),
    new Paragraph({ text: 'Inkomna remissvar', heading: HeadingLevel.HEADING_1 }),
    view.responses.length === 0
      ? new Paragraph({ text: 'Inga remissvar har kommit in.' })
      : table(
          ['Nämnd', 'Ställningstagande', 'Beslutat', 'Protokoll §', 'Er beteckning', 'Sammanfattning'],
          view.responses.map((r) => [r.committee, RESPONSE_STANCE_LABELS[r.stance], r.adoptedOn, r.minuteReference, r.theirReference ?? '', r.summary]),
        ),
  ];
  const doc = new Document({
    title: documentTitle,
    subject: `Sammanställning av remissvar, ${view.round.caseNumber}`,
    creator: 'Samverka',
    styles: { default: { document: { run: { language: { value: 'sv-SE' } } } } },
    sections: [{ children: blocks }],
  });
  return Packer.toBuffer(doc);
}
