import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The two seed responses (yttranden) exactly as they came (from ../shared/seeds/): Förskolenämnden's
 * (003, typed) and Kulturnämnden's (004, from a scan: "nimnd" for "nämnd", "6" for "ö", bullets as "o"/"e").
 */
export const SEED_RESPONSE_TEXTS = {
  forskolenamnden: readFileSync(join(__dirname, 'response-forskolenamnden.txt'), 'utf8'),
  kulturnamnden: readFileSync(join(__dirname, 'response-kulturnamnden.txt'), 'utf8'),
} as const;

/**
 * The two seed responses as a secretary enters them: the full text exactly as in the file, the proposals
 * as the finder suggests and the secretary confirms them (Kulturnämnden's three, Förskolenämnden's one).
 * The files hold neither § nor the meeting's date for Kulturnämnden: those are filled in plausibly.
 */
export function seedResponseInputs(committees: { forskolenamnden: string; kulturnamnden: string }, areaCode = 'LOKAL_SERVICE') {
  return {
    forskolenamnden: {
      committeeId: committees.forskolenamnden,
      stance: 'approve_with_remarks' as const,
      summary: 'Förskolenämnden ställer sig positiv till utvecklingsplanen, med tillägg att förtydligande behöver ske kring samarbetsprocessen framåt.',
      text: SEED_RESPONSE_TEXTS.forskolenamnden,
      adoptedOn: '2025-03-26',
      minuteReference: '§ 52',
      theirReference: null,
      signatories: ['Susanne Nilsson', 'Annika Åsberg Renman'],
      areaComments: [{ areaCode, comment: 'Det behöver vara tydligt vad som är kontaktcenters ansvar och mandat.' }],
      proposals: [{ text: 'förtydligande behöver ske kring samarbetsprocessen framåt' }],
    },
    kulturnamnden: {
      committeeId: committees.kulturnamnden,
      stance: 'approve_with_remarks' as const,
      summary: 'Kulturnämnden ser positivt på utvecklingsplanen men saknar en analys av behovet av fysisk service.',
      text: SEED_RESPONSE_TEXTS.kulturnamnden,
      adoptedOn: '2025-03-20',
      minuteReference: '§ 31',
      theirReference: null,
      signatories: ['Janne Grönholm', 'Annika Cedhagen'],
      proposals: [
        { text: 'Overviga fysiska permanenta platser dir prioriterade stadsdelar med manga barn och hég andel invanare med forsorjningsstod', areaCode },
        {
          text:
            'Overviga en kommunévergripande plan fér publik dator/utskriftstjinst pa flertalet platser dir malmobor kan fa hjilp med handlingar ' +
            'till exempelvis forsorjningsstod inklusive fria utskrifter. Exempelvis kan samtliga socialkontor utrustas med dator och skrivare f6r besdkare att anvinda.',
        },
        { text: 'Sirskilt beakta hur arbetssittet ar tillgingligt f6r personer med fysisk eller intellektuell funktionsnedsittning' },
      ],
    },
  };
}
