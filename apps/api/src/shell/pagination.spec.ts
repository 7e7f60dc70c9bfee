import { pagination, readPageNumber } from './pagination';

describe('pagination', () => {
  const link = (n: number) => `/forvaltningar?sida=${n}`;
  const nav = (page: number, total: number) => pagination({ page, pageSize: 50, total, label: 'Sidor med förvaltningar', link });

  it('has no nav when everything fits on the first page', () => {
    expect(nav(1, 0)).toBeNull();
    expect(nav(1, 50)).toBeNull();
  });

  it('links the first and last pages and those next to the current one, marking the current one, with gaps for the rest', () => {
    const sut = nav(4, 313)!;
    expect(sut.status).toBe('Sida 4 av 7');
    expect(sut.previous).toBe(link(3));
    expect(sut.next).toBe(link(5));
    expect(sut.items.map((i) => (i.number === null ? '…' : i.current ? `[${i.number}]` : String(i.number)))).toEqual(['1', '…', '3', '[4]', '5', '…', '7']);
    expect(nav(1, 313)!.items.map((i) => i.number)).toEqual([1, 2, null, 7]);
    expect(nav(7, 313)!).toMatchObject({ next: null, previous: link(6) });
  });

  it('leads back from a page past the end to the last page', () => {
    expect(nav(9, 60)).toMatchObject({ status: 'Sida 9 av 2', previous: link(2), next: null });
    expect(nav(2, 0)).toMatchObject({ previous: link(1), next: null });
  });

  it('reads a page number from the address, and the first page from anything else', () => {
    expect(readPageNumber('3')).toBe(3);
    for (const raw of [undefined, '', '0', '-1', '1.5', 'två', '03', '1000000', ['2']]) expect(readPageNumber(raw)).toBe(1);
  });
});
