import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { Clock, CommonError, FieldViolation, CSV_CONTENT_TYPE, formatSwedishDate, localDateInCity, Principal, toCsv } from '@samverka/kernel';
import type { Workbook as ExcelWorkbook } from 'exceljs';
import type { DocumentHeading } from '../documents/docx-parts';
import { mayReadPlanDraft } from '../access/plan-access.policy';
import { mayMarkSummaryRead, mayReadDepartmentSummary } from '../access/responsibility-access.policy';
import { PlanError, PlanErrorCode } from '../plan.exception';
import { PlanDocument, PlanVersionSummary } from '../plan.model';
import { PLAN_ITEM_STATUS_LABELS } from '../plan.vocabulary';
import { PlanDocumentRepository } from '../repositories/plan-document.repository';
import { AllocationRound, ResponsibilityRepository } from '../repositories/responsibility.repository';
import { assembleDepartmentSummary, assembleMatrix, CONTACT_CENTRE_KEY, DepartmentSummary, MatrixFilter, ResponsibilityMatrix } from './responsibility.assembler';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Which plan to read: a frozen version's number, the draft, or (undefined) the latest frozen version — the draft for its readers while none is frozen. */
export type VersionChoice = number | 'draft' | undefined;

/** The round as the allocation's views name it. */
export interface RoundHeading {
  id: string;
  title: string;
  caseNumber: string;
  year: number;
  state: string;
}

export interface MatrixView extends ResponsibilityMatrix {
  round: RoundHeading;
  /** The round's areas in order (the filter's choices). */
  areas: Array<{ code: string; name: string }>;
  /** The round's participating departments by name (the filter's choices). */
  participants: Array<{ departmentId: string; name: string }>;
}

export interface DepartmentSummaryView extends DepartmentSummary {
  round: RoundHeading;
  /** When the caller marked this version's summary as read (null: not yet, or the draft). */
  readAt: string | null;
}

export interface AllocationFile {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

/** The matrix's fixed columns in the exports, before one column per organisation. */
const FIXED_HEADERS = ['Utvecklingsområde', 'Kod', 'Insats', 'Start', 'Slut', 'Status'];
const TOTAL_LABEL = 'Uppskattad insats, timmar per år';

const headingOf = (r: AllocationRound): RoundHeading => ({ id: r.id, title: r.title, caseNumber: r.caseNumber, year: r.year, state: r.state });

/**
 * Ansvarsfördelning: reads a plan (the draft, or a frozen version) as the matrix and as each
 * department's summary, exports them (CSV, XLSX, Word) and records who has read their department's
 * summary. Who may read what is `responsibility-access.policy.ts`; the guard lets only round readers in.
 */
@Injectable()
export class ResponsibilityService {
  constructor(
    private readonly documents: PlanDocumentRepository,
    private readonly allocation: ResponsibilityRepository,
    private readonly tx: TransactionHost,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The matrix of the chosen plan, filtered. */
  async matrix(p: Principal, roundId: string, version: VersionChoice, filter: MatrixFilter = {}): Promise<MatrixView> {
    const round = await this.roundOf(roundId);
    const doc = await this.documentFor(p, roundId, version);
    const violations: FieldViolation[] = [];
    if (filter.areaCode && !doc.areas.some((a) => a.code === filter.areaCode))
      violations.push({ field: 'areaCode', rule: 'knownArea', message: `Planomgången har inget utvecklingsområde med koden ${filter.areaCode}` });
    if (filter.organisation && filter.organisation !== CONTACT_CENTRE_KEY && !round.participants.some((d) => d.departmentId === filter.organisation?.toLowerCase()))
      violations.push({ field: 'organisation', rule: 'participatingOrganisation', message: 'Organisationen ska vara kontaktcenter eller en förvaltning som deltar i planomgången' });
    if (violations.length > 0) throw CommonError.invalid(violations);
    const organisation = filter.organisation && filter.organisation !== CONTACT_CENTRE_KEY ? filter.organisation.toLowerCase() : filter.organisation;
    return { ...assembleMatrix(doc, { ...filter, organisation }), round: headingOf(round), areas: doc.areas.map((a) => ({ code: a.code, name: a.name })), participants: round.participants };
  }

  /** One department's summary of the chosen plan, with when the caller marked it read. */
  async summary(p: Principal, roundId: string, departmentId: string, version: VersionChoice): Promise<DepartmentSummaryView> {
    this.mayReadSummary(p, departmentId);
    const round = await this.roundOf(roundId);
    const department = this.participant(round, departmentId);
    const doc = await this.documentFor(p, roundId, version);
    const readAt = doc.version === null ? null : await this.allocation.readAt(roundId, doc.version, departmentId, p.userId);
    return { ...assembleDepartmentSummary(doc, department), round: headingOf(round), readAt: readAt?.toISOString() ?? null };
  }

  /** A person of the department has read its summary of that version (idempotent). */
  async markRead(p: Principal, roundId: string, departmentId: string, version: number): Promise<void> {
    if (!mayMarkSummaryRead(p, departmentId)) throw new PlanError(PlanErrorCode.PLAN_NOT_READABLE, 'Bara förvaltningens egen ledning och samordnare kan markera sammanställningen som läst');
    await this.tx.run(async () => {
      const round = await this.roundOf(roundId);
      this.participant(round, departmentId);
      if (!(await this.documents.versionOf(roundId, version))) throw this.noVersion(version);
      await this.allocation.markRead(roundId, version, departmentId, p.userId, this.clock.now());
    });
  }

  /** The matrix as CSV (the kernel's CSV: BOM, `;`, formula injection defused) or XLSX. */
  async exportMatrix(p: Principal, roundId: string, version: VersionChoice, filter: MatrixFilter, format: 'csv' | 'xlsx'): Promise<AllocationFile> {
    const matrix = await this.matrix(p, roundId, version, filter);
    const lines = matrixLines(matrix);
    const fileName = `ansvarsfordelning-${matrix.round.year}-${matrix.version === null ? 'utkast' : `v${matrix.version}`}.${format}`;
    if (format === 'csv') return { fileName, contentType: CSV_CONTENT_TYPE, content: toCsv(lines) };
    return { fileName, contentType: XLSX_CONTENT_TYPE, content: await this.toXlsx(lines) };
  }

  /** The department's summary as a Word document. */
  async summaryDocument(p: Principal, roundId: string, departmentId: string, version: VersionChoice): Promise<AllocationFile> {
    const summary = await this.summary(p, roundId, departmentId, version);
    const { buildDepartmentSummaryDocument } = loadDocuments();
    const content = await buildDepartmentSummaryDocument(summary, this.heading(summary.round, summary));
    return { fileName: `ansvarsfordelning-${summary.round.year}-${slug(summary.department.name)}-${versionSlug(summary.version)}.docx`, contentType: DOCX_CONTENT_TYPE, content };
  }

  /** A frozen version of the plan as a Word document. */
  async versionDocument(p: Principal, roundId: string, version: number): Promise<AllocationFile> {
    const round = await this.roundOf(roundId);
    const doc = await this.documentFor(p, roundId, version);
    const { buildPlanVersionDocument } = loadDocuments();
    const content = await buildPlanVersionDocument(doc, this.heading(headingOf(round), doc));
    return { fileName: `utvecklingsplan-${round.year}-v${version}.docx`, contentType: DOCX_CONTENT_TYPE, content };
  }

  /** A frozen version as a document for the printable page (the round's heading with it). */
  async printableVersion(p: Principal, roundId: string, version: number): Promise<{ round: RoundHeading; document: PlanDocument; dateText: string }> {
    const round = await this.roundOf(roundId);
    const doc = await this.documentFor(p, roundId, version);
    return { round: headingOf(round), document: doc, dateText: this.heading(headingOf(round), doc).dateText };
  }

  /** The frozen versions of the round's plan, oldest first (for choosing one). */
  versionsOf(roundId: string): Promise<PlanVersionSummary[]> {
    return this.documents.versionsOf(roundId);
  }

  /** The plan asked for: a version, the draft (its readers only), or the latest version (the draft for its readers while none is frozen). */
  async documentFor(p: Principal, roundId: string, version: VersionChoice): Promise<PlanDocument> {
    if (typeof version === 'number') {
      const doc = await this.documents.versionOf(roundId, version);
      if (!doc) throw this.noVersion(version);
      return doc;
    }
    if (version === undefined) {
      const latest = await this.documents.latestVersionOf(roundId);
      if (latest) return latest;
      if (!mayReadPlanDraft(p)) throw new PlanError(PlanErrorCode.PLAN_VERSION_NOT_FOUND, 'Planen har ingen fastställd version ännu', { roundId });
    }
    if (!mayReadPlanDraft(p)) throw new PlanError(PlanErrorCode.PLAN_NOT_READABLE, 'Bara strateger och administratörer kan läsa planens utkast', { roundId });
    const draft = await this.documents.draftOf(roundId);
    if (!draft) throw new PlanError(PlanErrorCode.PLAN_NOT_FOUND, 'Planomgången har ingen plan ännu', { roundId });
    return draft.document;
  }

  heading(round: RoundHeading, doc: { version: number | null; frozenAt: string | null }): DocumentHeading {
    const date = doc.frozenAt ? localDateInCity(new Date(doc.frozenAt)) : localDateInCity(this.clock.now());
    return { roundTitle: round.title, caseNumber: round.caseNumber, version: doc.version, dateText: formatSwedishDate(date) };
  }

  private async roundOf(roundId: string): Promise<AllocationRound> {
    const round = await this.allocation.roundOf(roundId);
    if (!round) throw CommonError.notFound('Planomgången', roundId);
    return round;
  }

  private participant(round: AllocationRound, departmentId: string): { id: string; name: string } {
    const department = round.participants.find((d) => d.departmentId === departmentId);
    if (!department) throw CommonError.notFound('Förvaltningen i planomgången', departmentId);
    return { id: department.departmentId, name: department.name };
  }

  private mayReadSummary(p: Principal, departmentId: string): void {
    if (!mayReadDepartmentSummary(p, departmentId)) throw new PlanError(PlanErrorCode.PLAN_NOT_READABLE, 'Bara förvaltningens egen ledning och samordnare, strateger och administratörer kan läsa förvaltningens sammanställning');
  }

  private noVersion(version: number): PlanError {
    return new PlanError(PlanErrorCode.PLAN_VERSION_NOT_FOUND, `Planen har ingen version ${version}`, { version });
  }

  private async toXlsx(lines: Array<Array<string | number | null>>): Promise<Buffer> {
    // exceljs takes about 0.3 s to load: only the first spreadsheet download pays it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Workbook } = require('exceljs') as { Workbook: new () => ExcelWorkbook };
    const workbook = new Workbook();
    workbook.creator = 'Samverka';
    workbook.created = workbook.modified = this.clock.now();
    const sheet = workbook.addWorksheet('Ansvarsfördelning', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
    for (const line of lines) sheet.addRow(line);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(lines.length).font = { bold: true };
    sheet.columns.forEach((column, i) => (column.width = i === 2 ? 50 : i < FIXED_HEADERS.length ? 16 : 14));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}

/** The matrix as lines: a header, one line per item (the RACI letters per organisation), and the totals line. */
export function matrixLines(m: ResponsibilityMatrix): Array<Array<string | number | null>> {
  return [
    [...FIXED_HEADERS, ...m.organisations.map((o) => o.name)],
    ...m.rows.map((r) => [r.areaName, r.code, r.title, r.startsOn, r.endsOn, PLAN_ITEM_STATUS_LABELS[r.status], ...r.cells.map((c) => c.letter)]),
    [TOTAL_LABEL, null, null, null, null, null, ...m.organisations.map((o) => o.totalEffortHours)],
  ];
}

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'forvaltning';

const versionSlug = (version: number | null): string => (version === null ? 'utkast' : `v${version}`);

/** The Word builders load `docx` (large) on the first document asked for, not at every start. */
function loadDocuments(): typeof import('../documents/plan-version.document') & typeof import('../documents/department-summary.document') {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return { ...require('../documents/plan-version.document'), ...require('../documents/department-summary.document') };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
