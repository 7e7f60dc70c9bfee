import { pageOfRows } from './counted-page';

describe(pageOfRows.name, () => {
  it("maps the page's rows and takes the total from the first", () => {
    const rows = [
      { total: 7, id: 'a', name: 'Ängelholm' },
      { total: 7, id: 'b', name: 'Östra' },
    ];
    expect(pageOfRows(rows, (r) => `${r.id}:${r.name}`)).toEqual({ items: ['a:Ängelholm', 'b:Östra'], total: 7 });
  });

  it('a page past the end is empty and still says the total', () => {
    const pastTheEnd: Array<{ total: number; id: string | null }> = [{ total: 7, id: null }];
    expect(pageOfRows(pastTheEnd, (r) => r.id)).toEqual({ items: [], total: 7 });
  });

  it('no rows at all: nothing, and a total of 0', () => {
    expect(pageOfRows([] as Array<{ total: number; id: string | null }>, (r) => r.id)).toEqual({ items: [], total: 0 });
  });
});
