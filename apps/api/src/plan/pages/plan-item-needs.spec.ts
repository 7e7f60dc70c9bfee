import type { NeedPicker, OfferableNeed } from '@samverka/plan';
import { buildNeedPicker, NEED_PICKER_PAGE_SIZE, needPickerQuery, NO_NEED_SEARCH, readNeedSearch } from './plan-item-needs';

const DEPT = '00000000-0000-4000-8000-00000000000d';

describe('the item form: which needs to show', () => {
  const shownAs = { behovSokVisad: 'chatt', behovForvaltningVisad: DEPT, behovSidaVisad: '2' };

  it('saves when the search is as shown and no search or page button was pressed', () => {
    expect(readNeedSearch({ ...shownAs, behovSok: 'chatt', behovForvaltning: DEPT })).toEqual({ shown: { search: 'chatt', departmentId: DEPT, page: 2 }, asked: null });
    expect(readNeedSearch({})).toEqual({ shown: NO_NEED_SEARCH, asked: null });
  });

  it('searches from the first page when the search button is pressed, or when the search differs from the one shown (Enter in the search box)', () => {
    expect(readNeedSearch({ ...shownAs, behovSok: 'chatt', behovForvaltning: DEPT, behovAtgard: 'sok' }).asked).toEqual({ search: 'chatt', departmentId: DEPT, page: 1 });
    expect(readNeedSearch({ ...shownAs, behovSok: '  bibliotek   i  Östra ', behovForvaltning: DEPT }).asked).toEqual({ search: 'bibliotek i Östra', departmentId: DEPT, page: 1 });
    expect(readNeedSearch({ ...shownAs, behovSok: 'chatt', behovForvaltning: '' }).asked).toEqual({ search: 'chatt', departmentId: '', page: 1 });
  });

  it('turns the page of the search shown, and reads anything else as the first page or every department', () => {
    expect(readNeedSearch({ ...shownAs, behovSok: 'chatt', behovForvaltning: DEPT, behovSida: '3' }).asked).toEqual({ search: 'chatt', departmentId: DEPT, page: 3 });
    expect(readNeedSearch({ behovSida: '0' }).asked).toEqual({ ...NO_NEED_SEARCH, page: 1 });
    expect(readNeedSearch({ behovSida: 'x' }).asked).toEqual({ ...NO_NEED_SEARCH, page: 1 });
    expect(readNeedSearch({ behovForvaltning: 'not-an-id', behovForvaltningVisad: 'also-not' }).asked).toBeNull();
  });

  it('asks the repository for one page from the page number', () => {
    expect(needPickerQuery({ search: '', departmentId: '', page: 3 }, ['n'], 'item')).toEqual({ selected: ['n'], search: null, departmentId: null, limit: NEED_PICKER_PAGE_SIZE, offset: 2 * NEED_PICKER_PAGE_SIZE, itemId: 'item' });
  });
});

describe('the item form: the needs as shown', () => {
  const need = (i: number, over: Partial<OfferableNeed> = {}): OfferableNeed => ({ id: `n${i}`, title: `Behov ${i}`, departmentId: 'd', departmentName: 'Förskoleförvaltningen', areaCode: 'LS', answeredBy: [], handedIn: true, ...over });
  const picker = (over: Partial<NeedPicker>): NeedPicker => ({ selected: [], page: [], matching: 0, unselected: 0, departments: [{ id: DEPT, name: 'Kulturförvaltningen' }], ...over });
  const areas = new Map([['LS', 'Lokal service']]);

  it('says which of how many it shows, and offers the search and the next page once there is more than a page', () => {
    const page = Array.from({ length: NEED_PICKER_PAGE_SIZE }, (_, i) => need(i));
    const first = buildNeedPicker(picker({ page, matching: 120, unselected: 120 }), NO_NEED_SEARCH, areas);
    expect(first.shown).toBe(`Visar 1–${NEED_PICKER_PAGE_SIZE} av 120 behov att välja bland.`);
    expect(first.search).toMatchObject({ show: true, previousPage: null, nextPage: 2 });
    expect(first.search.departments).toEqual([
      { value: '', text: 'Alla förvaltningar', selected: true },
      { value: DEPT, text: 'Kulturförvaltningen', selected: false },
    ]);
    const last = buildNeedPicker(picker({ page: page.slice(0, 20), matching: 120, unselected: 120 }), { search: '', departmentId: '', page: 3 }, areas);
    expect(last.shown).toBe('Visar 101–120 av 120 behov att välja bland.');
    expect(last.search).toMatchObject({ previousPage: 2, nextPage: null, shownPage: 3 });
  });

  it('says why the list is empty, and marks a chosen need that is no longer handed in', () => {
    expect(buildNeedPicker(picker({}), NO_NEED_SEARCH, areas).shown).toBe('Planomgången har inga inlämnade behov.');
    expect(buildNeedPicker(picker({ selected: [need(1)] }), NO_NEED_SEARCH, areas).shown).toBe('Alla inlämnade behov är valda.');
    const none = buildNeedPicker(picker({ unselected: 4 }), { search: 'xyz', departmentId: '', page: 1 }, areas);
    expect(none.shown).toBe('Inga behov matchar sökningen.');
    expect(none.search.show).toBe(true);
    expect(none.firstCheckboxId).toBeNull();
    const returned = buildNeedPicker(picker({ selected: [need(1, { handedIn: false })] }), NO_NEED_SEARCH, areas);
    expect(returned.selectedGroups[0].needs[0]).toMatchObject({ id: 'needIds', checked: true, hint: 'Lokal service · inte längre inlämnat: kryssa ur det för att spara' });
    expect(returned.firstCheckboxId).toBe('needIds');
  });
});
