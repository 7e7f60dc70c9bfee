import { addDays, isWorkingDay, LocalDate } from '@samverka/kernel';
import type { ReportingOrganisation } from '../follow-up.model';
import type { FollowUpPeriodView, FollowUpView, RollUp, StatusCounts } from '../follow-up-view.model';
import type { FollowUpViewRows, RollUpRow } from '../repositories/follow-up-view.repository';

const EMPTY_COUNTS: StatusCounts = { not_started: 0, on_track: 0, at_risk: 0, delayed: 0, done: 0, cancelled: 0, not_reported: 0 };

export function organisationOfRow(departmentId: string | null): ReportingOrganisation {
  return departmentId ? { kind: 'department', departmentId } : { kind: 'contactCentre' };
}

/** A roll-up from its aggregate row; the coverage is the reported effort's share of the total, in percent (one decimal). */
export function rollUpOf(row: RollUpRow | null | undefined): RollUp {
  if (!row) return { weightedProgress: null, coveredEffortHours: 0, totalEffortHours: 0, effortCoverage: null, reported: 0, notReported: 0, statusCounts: { ...EMPTY_COUNTS } };
  const total = Number(row.total_effort);
  const covered = Number(row.covered_effort);
  return {
    weightedProgress: row.weighted_progress === null ? null : Number(row.weighted_progress),
    coveredEffortHours: covered,
    totalEffortHours: total,
    effortCoverage: total > 0 ? Math.round((covered / total) * 1000) / 10 : null,
    reported: row.reported,
    notReported: row.not_reported,
    statusCounts: { ...EMPTY_COUNTS, ...mapCounts(row.counts) },
  };
}

function mapCounts(counts: Partial<StatusCounts> | null | undefined): Partial<StatusCounts> {
  return Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
function workingDaysIn(from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  return n;
}

/** Working days per whole year, counted once per process. */
const WORKING_DAYS_OF_YEAR = new Map<number, number>();
function workingDaysOfYear(year: number): number {
  let n = WORKING_DAYS_OF_YEAR.get(year);
  if (n === undefined) WORKING_DAYS_OF_YEAR.set(year, (n = workingDaysIn(`${year}-01-01`, `${year}-12-31`)));
  return n;
}

/**
 * Working days late on `today` for a report due on `dueOn`: the working days after the due date up to and
 * including today (0 on the due date and before), as the kernel's `workingDaysBetween` counts them. Whole years
 * between come from a per-year count, so a report owed for years costs no walk over every day of them.
 */
export function workingDaysLate(dueOn: LocalDate, today: LocalDate): number {
  if (today <= dueOn) return 0;
  const first = addDays(dueOn, 1);
  const [y1, y2] = [Number(first.slice(0, 4)), Number(today.slice(0, 4))];
  if (y1 === y2) return workingDaysIn(first, today);
  let n = workingDaysIn(first, `${y1}-12-31`) + workingDaysIn(`${y2}-01-01`, today);
  for (let y = y1 + 1; y < y2; y++) n += workingDaysOfYear(y);
  return n;
}

const iso = (t: string | null): string | null => (t === null ? null : new Date(t).toISOString());

/** The view from the statement's rows: names, ISO times, working days late, and the selected period. */
export function assembleFollowUpView(rows: FollowUpViewRows, today: LocalDate): FollowUpView {
  const periods: FollowUpPeriodView[] = rows.periods.map((p) => ({ id: p.id, label: p.label, dueOn: p.due_on, position: p.position, due: p.due_on < today }));
  const areaNames = new Map(rows.round.areas.map((a) => [a.code, a.name]));
  const areaRollUps = new Map(rows.areas.map((a) => [a.area_code, a]));
  // Counting working days walks the calendar: once per due date, not once per late report.
  const lateByDueDate = new Map<LocalDate, number>();
  const lateFor = (dueOn: LocalDate): number => {
    let days = lateByDueDate.get(dueOn);
    if (days === undefined) lateByDueDate.set(dueOn, (days = workingDaysLate(dueOn, today)));
    return days;
  };
  const areaCodes = [...rows.round.areas.map((a) => a.code), ...rows.areas.map((a) => a.area_code).filter((c) => !areaNames.has(c))];
  return {
    plan: {
      roundId: rows.round.id,
      title: rows.round.title,
      year: rows.round.year,
      state: rows.round.state,
      today,
      period: periods.find((p) => p.id === rows.selected_period_id) ?? null,
      rollUp: rollUpOf(rows.plan),
    },
    periods,
    areas: areaCodes.filter((code) => areaRollUps.has(code)).map((code) => ({ code, name: areaNames.get(code) ?? code, rollUp: rollUpOf(areaRollUps.get(code)) })),
    items: rows.items.map((i) => ({
      itemId: i.item_id,
      code: i.code,
      areaCode: i.area_code,
      title: i.title,
      effortHours: i.effort_hours,
      progress: i.progress,
      status: i.status,
      organisations: i.organisations.map((o) => ({
        organisation: organisationOfRow(o.department_id),
        name: o.name,
        status: o.status,
        progress: o.progress,
        revision: o.revision,
        comment: o.comment,
        reportedAt: iso(o.reported_at),
        reportedBy: o.reported_by,
      })),
    })),
    departments: rows.organisations.map((o) => ({
      organisation: organisationOfRow(o.department_id),
      name: o.name,
      obligations: o.obligations,
      reported: o.reported_obligations,
      missing: o.obligations - o.reported_obligations,
      overdue: o.overdue,
      rollUp: rollUpOf(o),
    })),
    overdue: rows.overdue.map((o) => ({
      organisation: organisationOfRow(o.department_id),
      name: o.name,
      itemId: o.item_id,
      itemCode: o.code,
      itemTitle: o.title,
      periodId: o.period_id,
      periodLabel: o.label,
      dueOn: o.due_on,
      lateSince: addDays(o.due_on, 1),
      workingDaysLate: lateFor(o.due_on),
    })),
    statusOverPeriods: rows.chart.map((c) => ({ periodId: c.period_id, label: c.label, dueOn: c.due_on, counts: { ...EMPTY_COUNTS, ...mapCounts(c.counts) } })),
  };
}
