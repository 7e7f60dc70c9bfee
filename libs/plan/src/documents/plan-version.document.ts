import { PlanDocument, PlanItem } from '../plan.model';
import { PLAN_ITEM_STATUS_LABELS, PLAN_TEXT_LABELS, RESPONSIBILITY_ROLE_LABELS } from '../plan.vocabulary';
import { assembleMatrix, formatEffort, formatPeriod } from '../services/responsibility.assembler';
import { Block, DocumentHeading, h1, h2, h3, headingFacts, labelled, pack, paragraphs, table, title } from './docx-parts';

/** The document's title (core properties and first line): "Utvecklingsplan, version 2: <round>". */
export function planDocumentTitle(h: DocumentHeading): string {
  return `Utvecklingsplan, ${h.version === null ? 'utkast' : `version ${h.version}`}: ${h.roundTitle}`;
}

function itemBlocks(item: PlanItem): Block[] {
  const blocks: Block[] = [h3(`${item.code} ${item.title}`), ...paragraphs(item.description, 'Ingen beskrivning.')];
  if (item.expectedEffect) blocks.push(labelled('Förväntad effekt', item.expectedEffect));
  if (item.indicator) blocks.push(labelled('Indikator', item.indicator));
  blocks.push(labelled('Tid', formatPeriod(item.startsOn, item.endsOn) ?? 'inte angiven'));
  blocks.push(labelled('Status', PLAN_ITEM_STATUS_LABELS[item.status]));
  if (item.needs.length > 0) blocks.push(labelled('Svarar mot behov', item.needs.map((n) => `${n.title} (${n.departmentName})`).join('; ')));
  if (item.responsibilities.length === 0) blocks.push(labelled('Ansvarsfördelning', 'ingen ännu'));
  else
    blocks.push(
      table(
        ['Organisation', 'Roll', 'Förväntningar', 'Uppskattad insats'],
        item.responsibilities.map((r) => [r.organisation.name, RESPONSIBILITY_ROLE_LABELS[r.role], r.expectations, formatEffort(r.effortHours)]),
      ),
    );
  return blocks;
}

/**
 * The plan version as a Word document for the diary: title, case number, version and date on the
 * first page; the plan's texts (introduction, the contact centre's mandate, the departments' own
 * responsibility); per area its introduction and items, each with its responsibilities table; and
 * each organisation's total estimated effort.
 */
export function buildPlanVersionDocument(doc: PlanDocument, heading: DocumentHeading): Promise<Buffer> {
  const documentTitle = planDocumentTitle(heading);
  const blocks: Block[] = [title(documentTitle), ...headingFacts(heading)];
  blocks.push(h1(PLAN_TEXT_LABELS.introduction), ...paragraphs(doc.texts.introduction));
  blocks.push(h1(PLAN_TEXT_LABELS.contactCentreMandate), ...paragraphs(doc.texts.contactCentreMandate));
  blocks.push(h1(PLAN_TEXT_LABELS.departmentResponsibility), ...paragraphs(doc.texts.departmentResponsibility));
  blocks.push(h1('Insatser per utvecklingsområde'));
  for (const area of doc.areas) {
    blocks.push(h2(area.name));
    if (area.introduction.trim()) blocks.push(...paragraphs(area.introduction));
    if (area.items.length === 0) blocks.push(...paragraphs('Inga insatser inom området.'));
    for (const item of area.items) blocks.push(...itemBlocks(item));
  }
  const matrix = assembleMatrix(doc);
  blocks.push(h1('Uppskattad insats per organisation'));
  blocks.push(table(['Organisation', 'Uppskattad insats i planen'], matrix.organisations.map((o) => [o.name, formatEffort(o.totalEffortHours)])));
  return pack(documentTitle, `Diarienummer ${heading.caseNumber}`, blocks);
}
