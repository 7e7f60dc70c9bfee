import { CONTACT_CENTRE_NAME } from '../plan.model';
import { DepartmentSummary, formatEffort, formatPeriod } from '../services/responsibility.assembler';
import { Block, DocumentHeading, h1, h2, headingFacts, labelled, pack, paragraphs, table, title } from './docx-parts';

/** The text when a version asks nothing of a department. */
export const NO_ITEMS_TEXT = 'Inga insatser för er förvaltning i den här versionen.';

/** "Ansvarsfördelning för Kulturförvaltningen, version 2". */
export function summaryDocumentTitle(departmentName: string, h: DocumentHeading): string {
  return `Ansvarsfördelning för ${departmentName}, ${h.version === null ? 'utkast' : `version ${h.version}`}`;
}

/**
 * One department's summary as a Word document: the case number, version and date on the first page;
 * its total effort; per item its role, expectations, effort and dates side by side with the
 * contact centre's part on the same item.
 */
export function buildDepartmentSummaryDocument(summary: DepartmentSummary, heading: DocumentHeading): Promise<Buffer> {
  const documentTitle = summaryDocumentTitle(summary.department.name, heading);
  const blocks: Block[] = [title(documentTitle), labelled('Förvaltning', summary.department.name), ...headingFacts(heading)];
  blocks.push(h1('Sammanfattning'));
  if (summary.items.length === 0) blocks.push(...paragraphs(NO_ITEMS_TEXT));
  else {
    blocks.push(labelled('Insatser med en roll för förvaltningen', String(summary.items.length)));
    blocks.push(labelled('Total uppskattad insats', formatEffort(summary.totalEffortHours)));
    blocks.push(h1('Insatser'));
    for (const item of summary.items) {
      blocks.push(h2(`${item.code} ${item.title}`));
      blocks.push(labelled('Utvecklingsområde', item.areaName));
      blocks.push(labelled('Tid', formatPeriod(item.startsOn, item.endsOn) ?? 'inte angiven'));
      blocks.push(labelled('Status', item.statusLabel));
      const centre = item.contactCentre;
      blocks.push(
        table(
          ['', summary.department.name, CONTACT_CENTRE_NAME],
          [
            ['Roll', item.roleLabel, centre?.roleLabel ?? 'Ingen roll'],
            ['Förväntningar', item.expectations, centre?.expectations ?? '–'],
            ['Uppskattad insats', formatEffort(item.effortHours), centre ? formatEffort(centre.effortHours) : '–'],
          ],
        ),
      );
    }
  }
  return pack(documentTitle, `Diarienummer ${heading.caseNumber}`, blocks);
}
