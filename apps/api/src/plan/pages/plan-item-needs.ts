import type { NeedPicker, OfferableNeed } from '@samverka/plan';
import { isUUID } from 'class-validator';
import { formField } from '../../shell/form-body';

/*
 * The item form's needs: the chosen ones, then one page of the round's other handed-in needs, with a
 * search by title and department and previous/next buttons below them (bounded however many needs a
 * city hands in). It all works without JavaScript inside the one item form: searching or paging posts
 * the form and shows it again with everything typed and ticked kept, saving nothing. The form's own
 * button stays the first in it, so Enter in a field saves; Enter in the search box changes the search,
 * and a search that differs from the one shown is a search, not a save.
 */

/** Needs in one page of the search. */
export const NEED_PICKER_PAGE_SIZE = 50;
/** The longest search kept (a longer one is cut). */
const MAX_SEARCH = 200;

/** The search the form shows or asks for: part of a title, a department ('' for all), a page from 1. */
export interface NeedSearch {
  search: string;
  departmentId: string;
  page: number;
}

export const NO_NEED_SEARCH: NeedSearch = { search: '', departmentId: '', page: 1 };

/** The form fields of the search (the hidden ones say what the page showed). */
export const NEED_SEARCH_FIELDS = {
  search: 'behovSok',
  department: 'behovForvaltning',
  shownSearch: 'behovSokVisad',
  shownDepartment: 'behovForvaltningVisad',
  shownPage: 'behovSidaVisad',
  /** The search button's name (value `sok`). */
  find: 'behovAtgard',
  /** The previous/next buttons' name; the value is the page. */
  page: 'behovSida',
} as const;

const pageOf = (raw: string): number => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1);
const departmentOf = (raw: string): string => (isUUID(raw) ? raw : '');
const searchOf = (raw: string): string => raw.replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH);

/**
 * What a posted item form asks of the needs: `shown` is the search its page showed (kept when the form
 * is shown again after a refusal); `asked` is a new search or page to show instead of saving, or null
 * to save.
 */
export function readNeedSearch(body: unknown): { shown: NeedSearch; asked: NeedSearch | null } {
  const f = NEED_SEARCH_FIELDS;
  const shown: NeedSearch = { search: searchOf(formField(body, f.shownSearch)), departmentId: departmentOf(formField(body, f.shownDepartment)), page: pageOf(formField(body, f.shownPage)) };
  const typed = { search: searchOf(formField(body, f.search)), departmentId: departmentOf(formField(body, f.department)) };
  const changed = typed.search !== shown.search || typed.departmentId !== shown.departmentId;
  if (formField(body, f.find) === 'sok' || changed) return { shown, asked: { ...typed, page: 1 } };
  const page = formField(body, f.page);
  if (page !== '') return { shown, asked: { ...shown, page: pageOf(page) } };
  return { shown, asked: null };
}

/** The page of the search as the repository takes it. */
export function needPickerQuery(search: NeedSearch, selected: readonly string[], itemId: string | null) {
  return {
    selected,
    search: search.search === '' ? null : search.search,
    departmentId: search.departmentId === '' ? null : search.departmentId,
    limit: NEED_PICKER_PAGE_SIZE,
    offset: (search.page - 1) * NEED_PICKER_PAGE_SIZE,
    itemId,
  };
}

/** The last page with needs on it (1 when there are none). */
export const lastNeedPage = (picker: Pick<NeedPicker, 'matching'>): number => Math.max(1, Math.ceil(picker.matching / NEED_PICKER_PAGE_SIZE));

interface NeedCheckbox {
  id: string;
  value: string;
  text: string;
  hint: string;
  checked: boolean;
}

interface NeedGroup {
  legend: string;
  needs: NeedCheckbox[];
}

export interface NeedPickerModel {
  selectedGroups: NeedGroup[];
  selectedCount: number;
  candidateGroups: NeedGroup[];
  /** What the list of others shows: "Visar 1–50 av 230 behov." or why it is empty. */
  shown: string;
  /** The search, shown once there is more than one page to choose from (or a search is on). */
  search: {
    show: boolean;
    value: string;
    departments: Array<{ value: string; text: string; selected: boolean }>;
    shownSearch: string;
    shownDepartment: string;
    shownPage: number;
    previousPage: number | null;
    nextPage: number | null;
  };
  /** The id the error summary links to: the first checkbox, or the heading when there is none. */
  firstCheckboxId: string | null;
}

function grouped(needs: readonly OfferableNeed[], checkbox: (n: OfferableNeed) => NeedCheckbox): NeedGroup[] {
  const groups = new Map<string, NeedGroup>();
  for (const n of needs) {
    const group = groups.get(n.departmentId) ?? { legend: n.departmentName, needs: [] };
    group.needs.push(checkbox(n));
    groups.set(n.departmentId, group);
  }
  return [...groups.values()];
}

/** The chosen needs (ticked, in their departments), the page of others (not ticked), the search and its buttons. */
export function buildNeedPicker(picker: NeedPicker, search: NeedSearch, areaNames: ReadonlyMap<string, string>): NeedPickerModel {
  let first: string | null = null;
  const idOf = (n: OfferableNeed) => {
    if (first === null) {
      first = 'needIds';
      return first;
    }
    return `need-${n.id}`;
  };
  const hint = (n: OfferableNeed) =>
    [
      areaNames.get(n.areaCode) ?? n.areaCode,
      n.answeredBy.length > 0 ? `besvaras redan av ${n.answeredBy.join(', ')}` : null,
      n.handedIn ? null : 'inte längre inlämnat: kryssa ur det för att spara',
    ]
      .filter((p): p is string => p !== null)
      .join(' · ');
  const selectedGroups = grouped(picker.selected, (n) => ({ id: idOf(n), value: n.id, text: n.title, hint: hint(n), checked: true }));
  const candidateGroups = grouped(picker.page, (n) => ({ id: idOf(n), value: n.id, text: n.title, hint: hint(n), checked: false }));
  const from = (search.page - 1) * NEED_PICKER_PAGE_SIZE;
  const searching = search.search !== '' || search.departmentId !== '';
  const shown =
    picker.page.length > 0
      ? `Visar ${from + 1}–${from + picker.page.length} av ${picker.matching} ${searching ? 'behov som matchar sökningen' : 'behov att välja bland'}.`
      : picker.unselected === 0
        ? picker.selected.length > 0
          ? 'Alla inlämnade behov är valda.'
          : 'Planomgången har inga inlämnade behov.'
        : 'Inga behov matchar sökningen.';
  const last = lastNeedPage(picker);
  return {
    selectedGroups,
    selectedCount: picker.selected.length,
    candidateGroups,
    shown,
    search: {
      show: searching || picker.unselected > NEED_PICKER_PAGE_SIZE,
      value: search.search,
      departments: [
        { value: '', text: 'Alla förvaltningar', selected: search.departmentId === '' },
        ...picker.departments.map((d) => ({ value: d.id, text: d.name, selected: d.id === search.departmentId })),
      ],
      shownSearch: search.search,
      shownDepartment: search.departmentId,
      shownPage: search.page,
      previousPage: search.page > 1 ? Math.min(search.page - 1, last) : null,
      nextPage: search.page < last ? search.page + 1 : null,
    },
    firstCheckboxId: first,
  };
}
