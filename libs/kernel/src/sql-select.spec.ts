import { columnsFrom, jsonColumnsStatement, mapSelect, shiftParameters, SqlSelect } from './sql-select';

const select = (sql: string, values: unknown[]): SqlSelect<string> => ({ sql, values, rowsFrom: (rows) => rows.map((r) => String(r.name)) });

describe('shiftParameters', () => {
  it('renumbers every parameter, two-digit ones whole', () => {
    expect(shiftParameters('select $1, $2::uuid[], $10', 3)).toBe('select $4, $5::uuid[], $13');
    expect(shiftParameters('select $1', 0)).toBe('select $1');
  });
});

describe('jsonColumnsStatement', () => {
  it('puts each select in its own JSON column, parameters numbered after the ones before', () => {
    const { text, values } = jsonColumnsStatement([select('select name from a where id = $1', ['x']), select('select name from b where id = $1 and k = $2', ['y', 'z'])]);
    expect(values).toEqual(['x', 'y', 'z']);
    expect(text).toContain(`(select coalesce(json_agg(r), '[]'::json) from (select name from a where id = $1\n) r) as c0`);
    expect(text).toContain(`(select coalesce(json_agg(r), '[]'::json) from (select name from b where id = $2 and k = $3\n) r) as c1`);
  });

  it('reads each column through its own select, an absent or null column as no rows', () => {
    const upper = mapSelect(select('', []), (names) => names.map((n) => n.toUpperCase()));
    expect(columnsFrom([select('', []), upper], { c0: [{ name: 'a' }], c1: [{ name: 'b' }, { name: 'c' }] })).toEqual([['a'], ['B', 'C']]);
    expect(columnsFrom([select('', []), upper], { c0: null })).toEqual([[], []]);
    expect(columnsFrom([select('', [])], undefined)).toEqual([[]]);
  });
});
