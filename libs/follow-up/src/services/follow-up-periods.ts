import { addWorkingDays, isWorkingDay, LocalDate } from '@samverka/kernel';

/** The tertials (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec): a period's last month (1-based). */
const TERTIAL_LAST_MONTH = [4, 8, 12] as const;

/** The day a tertial's reports are due: the 15th of the month after it, or the next working day. */
export function tertialDueOn(year: number, tertial: 1 | 2 | 3): LocalDate {
  const last = TERTIAL_LAST_MONTH[tertial - 1];
  const dueYear = last === 12 ? year + 1 : year;
  const dueMonth = last === 12 ? 1 : last + 1;
  const fifteenth = `${dueYear}-${String(dueMonth).padStart(2, '0')}-15`;
  return isWorkingDay(fifteenth) ? fifteenth : addWorkingDays(fifteenth, 1);
}

/**
 * The reporting periods a round gets when it enters follow-up: the three tertials from the one in which
 * the plan was adopted, each due the 15th of the month after it (moved to a working day). Strategists
 * change them at `PUT /api/v1/rounds/{id}/follow-up/periods`.
 */
export function defaultPeriods(adoptedOn: LocalDate): Array<{ label: string; dueOn: LocalDate }> {
  let year = Number(adoptedOn.slice(0, 4));
  const month = Number(adoptedOn.slice(5, 7));
  let tertial = (month <= 4 ? 1 : month <= 8 ? 2 : 3) as 1 | 2 | 3;
  const periods: Array<{ label: string; dueOn: LocalDate }> = [];
  for (let i = 0; i < 3; i++) {
    periods.push({ label: `${year} T${tertial}`, dueOn: tertialDueOn(year, tertial) });
    if (tertial === 3) {
      tertial = 1;
      year += 1;
    } else tertial = (tertial + 1) as 1 | 2 | 3;
  }
  return periods;
}
