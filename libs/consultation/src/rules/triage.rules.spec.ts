import { normaliseItemCodes, triageViolations } from './triage.rules';

const rules = (input: unknown) => triageViolations(input as never).map((v) => `${v.field}:${v.rule}`);

describe('triageViolations', () => {
  it('needs a known decision and a motivation', () => {
    expect(rules({})).toEqual(['decision:isIn', 'motivation:isNotEmpty']);
    expect(rules({ decision: 'maybe', motivation: '  ' })).toEqual(['decision:isIn', 'motivation:isNotEmpty']);
    expect(rules({ decision: 'noted', motivation: 'Noteras' })).toEqual([]);
    expect(rules({ decision: 'rejected', motivation: 'x'.repeat(4001) })).toEqual(['motivation:maxLength']);
  });

  it('asks an accepted or partly accepted proposal to name the items it changed, unless the motivation explains', () => {
    expect(triageViolations({ decision: 'accepted', motivation: 'Ja' })).toEqual([
      { field: 'itemCodes', rule: 'requiredWhenAccepted', message: 'Ange vilka insatser i planen förslaget ändrade, eller förklara i motiveringen varför ingen insats ändrades' },
    ]);
    expect(rules({ decision: 'partly_accepted', motivation: 'Ja', itemCodes: [] })).toEqual(['itemCodes:requiredWhenAccepted']);
    expect(rules({ decision: 'accepted', motivation: 'Ja', itemCodes: ['LS-1'] })).toEqual([]);
    expect(rules({ decision: 'accepted', motivation: 'Tillgodoses genom arbetssättet, ingen insats behöver ändras för det.' })).toEqual([]);
    expect(rules({ decision: 'rejected', motivation: 'Nej' })).toEqual([]);
  });

  it('takes item codes only as a list of codes', () => {
    expect(rules({ decision: 'noted', motivation: 'x', itemCodes: 'LS-1' })).toEqual(['itemCodes:isArray']);
    expect(rules({ decision: 'noted', motivation: 'x', itemCodes: ['LS-1', ' '] })).toEqual(['itemCodes:isArray']);
    expect(rules({ decision: 'noted', motivation: 'x', itemCodes: Array.from({ length: 51 }, (_, i) => `LS-${i}`) })).toEqual(['itemCodes:maxSize']);
  });

  it('stores each code once, trimmed, in the order given', () => {
    expect(normaliseItemCodes([' LS-2', 'LS-1', 'LS-2'])).toEqual(['LS-2', 'LS-1']);
    expect(normaliseItemCodes(undefined)).toEqual([]);
  });
});
