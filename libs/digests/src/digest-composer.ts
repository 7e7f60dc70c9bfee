import { formatSwedishDateTime, LocalDate } from '@samverka/kernel';
import type { CappedList, StatusDigestSections } from '@samverka/notifications';
import { REPORT_STATUS_LABELS, NOT_REPORTED_LABEL, type ReportStatus } from '@samverka/follow-up';
import { DEADLINE_LABELS, deadlineOf, NEXT_DEADLINE } from '@samverka/rounds';
import { PLAN_ROUND_STATE_LABELS, PlanRoundState } from '@samverka/workflow';
import type { CityRoundRow, DepartmentRoundRow, ItemRow, OwedRow } from './repositories/digest.repository';

/** How many of a list an email shows before "och N till" and a link. */
export const DIGEST_LIST_CAP = 5;

/** The addresses a digest links to (the `Links` service, passed in so the composer stays pure). */
export interface DigestLinks {
  round(roundId: string): string;
  departmentNeeds(roundId: string, departmentId: string): string;
  consultationResponse(roundId: string, committeeId: string): string;
  followUp(roundId: string, departmentId: string): string;
}

/** The facts read for a sweep (or one preview), for every department asked about, by department. */
export interface DigestFacts {
  byDepartment: Map<string, { rounds: DepartmentRoundRow[]; owed: OwedRow[]; items: ItemRow[] }>;
  city: CityRoundRow[];
  coverage: { covered: number; total: number };
}

/** The rows as read, filed by department once (a sweep composes thousands of digests from them). */
export function indexFacts(rows: { rounds: DepartmentRoundRow[]; owed: OwedRow[]; items: ItemRow[]; city: CityRoundRow[]; coverage: { covered: number; total: number } }): DigestFacts {
  const byDepartment: DigestFacts['byDepartment'] = new Map();
  const of = (departmentId: string) => {
    let entry = byDepartment.get(departmentId);
    if (!entry) byDepartment.set(departmentId, (entry = { rounds: [], owed: [], items: [] }));
    return entry;
  };
  for (const r of rows.rounds) of(r.departmentId).rounds.push(r);
  for (const o of rows.owed) of(o.departmentId).owed.push(o);
  for (const i of rows.items) of(i.departmentId).items.push(i);
  return { byDepartment, city: rows.city, coverage: rows.coverage };
}

export interface ComposedDigest {
  sections: StatusDigestSections;
  owedCount: number;
  overdueCount: number;
  changeCount: number;
  /** Nothing new and nothing owed: no email. */
  empty: boolean;
}

/** The subject's summary: "5 att göra, varav 1 försenad; 1 ny rapport" (Swedish singular and plural). */
export function digestSummary(owed: number, overdue: number, changes: number): string {
  const owedPart = owed === 0 ? 'inget att göra' : `${owed} att göra${overdue > 0 ? `, varav ${overdue} ${overdue === 1 ? 'försenad' : 'försenade'}` : ''}`;
  const changePart = changes === 0 ? 'inga nya rapporter' : `${changes} ${changes === 1 ? 'ny rapport' : 'nya rapporter'}`;
  return `${owedPart}; ${changePart}`;
}

export function capped<T>(all: T[], moreUrl: string, cap = DIGEST_LIST_CAP): CappedList<T> {
  return { shown: all.slice(0, cap), more: Math.max(0, all.length - cap), moreUrl };
}

function owedText(o: OwedRow): string {
  switch (o.kind) {
    case 'needs':
      return 'Lämna in förvaltningens behov';
    case 'endorsement':
      return 'Godkänn förvaltningens inlämnade behov';
    case 'response':
      return `${o.committeeName ?? 'Nämnden'} svarar på remissen${o.questionCount > 0 ? ` (${o.questionCount} ${o.questionCount === 1 ? 'fråga' : 'frågor'} att besvara)` : ''}`;
    case 'report':
      return `Rapportera ${o.itemCode} ${o.itemTitle} för ${o.periodLabel}`;
  }
}

function owedHref(o: OwedRow, links: DigestLinks): string {
  if (o.kind === 'needs' || o.kind === 'endorsement') return links.departmentNeeds(o.roundId, o.departmentId);
  if (o.kind === 'response' && o.committeeId) return links.consultationResponse(o.roundId, o.committeeId);
  if (o.kind === 'report') return links.followUp(o.roundId, o.departmentId);
  return links.round(o.roundId);
}

/**
 * One user's digest from the sweep's facts: their departments (in the order given), each open round
 * with its phase and next deadline, what the department owes (overdue first) and its items with their
 * latest status; the changes are the reports made in [windowStart, windowEnd). The city's figures
 * are the same for everyone. Pure: the sweep and the preview both call it.
 */
export function composeDigest(
  departmentIds: readonly string[],
  facts: DigestFacts,
  window: { start: Date; end: Date },
  today: LocalDate,
  links: DigestLinks,
): ComposedDigest {
  const inWindow = (d: Date) => d.getTime() >= window.start.getTime() && d.getTime() < window.end.getTime();
  let owedCount = 0;
  let overdueCount = 0;
  let changeCount = 0;
  const departments: StatusDigestSections['departments'] = [];
  const rounds = [...new Set(departmentIds)]
    .flatMap((id) => facts.byDepartment.get(id)?.rounds ?? [])
    .sort((x, y) => x.departmentName.localeCompare(y.departmentName, 'sv') || x.departmentId.localeCompare(y.departmentId));
  for (const r of rounds) {
    const own = facts.byDepartment.get(r.departmentId)!;
    let department = departments.find((d) => d.departmentId === r.departmentId);
    if (!department) {
      department = { departmentId: r.departmentId, name: r.departmentName, rounds: [] };
      departments.push(department);
    }
    const state = r.state as PlanRoundState;
    const nextKind = NEXT_DEADLINE[state];
    const nextDate = nextKind ? deadlineOf(r, nextKind) : null;
    const owed = own.owed
      .filter((o) => o.roundId === r.roundId)
      .map((o) => ({ text: owedText(o), dueOn: o.dueOn, overdue: o.dueOn !== null && o.dueOn < today, href: owedHref(o, links) }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    const items = own.items
      .filter((i) => i.roundId === r.roundId)
      .map((i) => {
        const changes = i.reportedAt.filter(inWindow).length;
        return {
          code: i.code,
          title: i.title,
          statusLabel: i.status ? REPORT_STATUS_LABELS[i.status as ReportStatus] ?? i.status : NOT_REPORTED_LABEL,
          progress: i.status ? i.progress : null,
          changed: changes > 0,
          changes,
        };
      });
    // The changed items first, so the news is never behind "och N till".
    items.sort((a, b) => Number(b.changed) - Number(a.changed));
    const roundOverdue = owed.filter((o) => o.overdue).length;
    const roundChanges = items.reduce((n, i) => n + i.changes, 0);
    owedCount += owed.length;
    overdueCount += roundOverdue;
    changeCount += roundChanges;
    department.rounds.push({
      roundId: r.roundId,
      title: r.title,
      phaseLabel: PLAN_ROUND_STATE_LABELS[state] ?? r.state,
      nextDeadline: nextKind && nextDate ? { label: DEADLINE_LABELS[nextKind], date: nextDate } : null,
      roundUrl: links.round(r.roundId),
      owed: capped(owed, links.round(r.roundId)),
      overdueCount: roundOverdue,
      items: capped(
        items.map(({ changes: _changes, ...rest }) => rest),
        links.round(r.roundId),
      ),
      changes: roundChanges,
    });
  }
  const sections: StatusDigestSections = {
    since: formatSwedishDateTime(window.start),
    until: formatSwedishDateTime(window.end),
    departments,
    city: {
      coverage: facts.coverage,
      rounds: facts.city.map((c) => ({
        roundId: c.roundId,
        title: c.title,
        phaseLabel: PLAN_ROUND_STATE_LABELS[c.state as PlanRoundState] ?? c.state,
        submissions: { handedIn: c.handedIn, total: c.participants },
        responses: c.recipients > 0 ? { responded: c.responded, total: c.recipients } : null,
        reports: c.reportsDue > 0 ? { reported: c.reportsDone, due: c.reportsDue } : null,
      })),
    },
  };
  return { sections, owedCount, overdueCount, changeCount, empty: owedCount === 0 && changeCount === 0 };
}
