/** The five development areas (utvecklingsområden) of the city's plan; a round starts with these unless given its own. */
export const DEFAULT_AREAS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'TILLGANGLIGHET', name: 'Tillgänglighet och serviceinriktat bemötande' },
  { code: 'RATTIGHETSBASERAD', name: 'Rättighetsbaserad service' },
  { code: 'DIGITALISERING', name: 'Digitalisering och servicekommunikation' },
  { code: 'LOKAL_SERVICE', name: 'Lokal service' },
  { code: 'SAMARBETSPROCESS', name: 'Samarbetsprocess' },
];
