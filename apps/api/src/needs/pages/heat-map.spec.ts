import { LABEL_LINE_LENGTH, labelLines, renderHeatMap } from './heat-map';

describe(labelLines.name, () => {
  it('keeps a short name on one line', () => {
    expect(labelLines('Kontaktcenter')).toEqual(['Kontaktcenter']);
  });

  it('breaks a long name at spaces and after hyphens, no line longer than the limit unless one word is', () => {
    const lines = labelLines('Service- och tillgänglighetsförvaltningen för medborgare i Malmö');
    expect(lines.join(' ')).toBe('Service- och tillgänglighetsförvaltningen för medborgare i Malmö');
    for (const line of lines) expect(line.length <= LABEL_LINE_LENGTH || !/\s/.test(line)).toBe(true);
    expect(lines).toContain('tillgänglighetsförvaltningen');
  });
});

describe(renderHeatMap.name, () => {
  it('draws every area and department name whole, never cut short with an ellipsis', async () => {
    const long = 'Stadsbyggnadsförvaltningens digitala kontaktvägar och självservice';
    const svg = await renderHeatMap({ id: 'hm', label: 'Behov', legendTitle: 'Antal behov', rows: ['Gatukontoret', long], columns: [long, 'Telefon'], values: [[1, 2], [3, 0]] });
    expect(svg).not.toContain('…');
    for (const line of labelLines(long)) expect(svg).toContain(`>${line}<`);
  });
});
