import { SEED_RESPONSE_TEXTS } from '../../../../test/support/seeds';
import { findProposals } from './proposal-finder';

describe(findProposals.name, () => {
  it("finds Kulturnämnden's three proposals after \"föreslar kontaktcenter att\", bullets recognised as o and e, words kept as recognised", () => {
    expect(findProposals(SEED_RESPONSE_TEXTS.kulturnamnden)).toEqual([
      { text: 'Overviga fysiska permanenta platser dir prioriterade stadsdelar med manga barn och hég andel invanare med forsorjningsstod' },
      {
        text:
          'Overviga en kommunévergripande plan fér publik dator/utskriftstjinst pa flertalet platser dir malmobor kan fa hjilp med handlingar ' +
          'till exempelvis forsorjningsstod inklusive fria utskrifter. Exempelvis kan samtliga socialkontor utrustas med dator och skrivare f6r besdkare att anvinda.',
      },
      { text: 'Sirskilt beakta hur arbetssittet ar tillgingligt f6r personer med fysisk eller intellektuell funktionsnedsittning' },
    ]);
  });

  it("finds Förskolenämnden's request for clarity once, though the summary repeats it, and not its own decision", () => {
    expect(findProposals(SEED_RESPONSE_TEXTS.forskolenamnden)).toEqual([{ text: 'förtydligande behöver ske kring samarbetsprocessen framåt' }]);
  });

  it.each([
    ['•', '•'],
    ['-', '-'],
    ['–', '–'],
    ['*', '*'],
    ['numbers', '1.'],
    ['letters', 'a)'],
  ])('reads a list marked with %s as separate proposals', (_name, marker) => {
    const second = marker === '1.' ? '2.' : marker === 'a)' ? 'b)' : marker;
    const text = `Nämnden föreslår kontaktcenter att:\n${marker} öppna fler platser\n  i stadsdelarna\n${second} mäta väntetiderna\n\nÖvrigt.`;
    expect(findProposals(text)).toEqual([{ text: 'öppna fler platser i stadsdelarna' }, { text: 'mäta väntetiderna' }]);
  });

  it('reads the inline phrasings: föreslås att, vill nämnden föreslå att, bör', () => {
    expect(findProposals('Det föreslås att kontaktcenter mäter väntetider. Vidare vill nämnden föreslå att planen följs upp årligen.')).toEqual([
      { text: 'kontaktcenter mäter väntetider' },
      { text: 'planen följs upp årligen' },
    ]);
    expect(findProposals('Kontaktcenter bör samråda med biblioteken.')).toEqual([{ text: 'Kontaktcenter bör samråda med biblioteken' }]);
  });

  it('finds nothing in a text that proposes nothing (the committee deciding on its own response is no proposal)', () => {
    expect(findProposals('Nämnden föreslås besluta att lämna följande yttrande:\n\nNämnden ställer sig positiv till planen. De som bor i Malmö har behov av service.')).toEqual([]);
    expect(findProposals('')).toEqual([]);
  });
});
