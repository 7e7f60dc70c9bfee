import { loadConfig } from '@samverka/config';
import { KIND_SETTINGS, NOTIFICATION_KINDS, NotificationKind, NotificationKinds, StatusDigestSections } from './notification-kinds';
import { lowerFirst, NotificationRenderer } from './notification-renderer';

const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://samverka.malmo.example' }, '/srv/samverka');

/** A status digest's sections: one department with an overdue report and a list capped at five, the city beside it. */
const digestSections: StatusDigestSections = {
  since: '16 november 2026 kl. 07:00',
  until: '30 november 2026 kl. 07:00',
  departments: [
    {
      departmentId: 'd-1',
      name: 'Miljöförvaltningen',
      rounds: [
        {
          roundId: 'r-1',
          title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
          phaseLabel: 'Uppföljning',
          nextDeadline: null,
          roundUrl: 'https://samverka.malmo.example/planomgangar/1',
          owed: {
            shown: [
              { text: 'Rapportera MS-1 Gemensam växel för förvaltningarna för 2027 T1', dueOn: '2026-11-20', overdue: true, href: 'https://samverka.malmo.example/planomgangar/1' },
              { text: 'Rapportera MS-2 Chatt på webben för 2027 T1', dueOn: '2026-12-04', overdue: false, href: 'https://samverka.malmo.example/planomgangar/1' },
            ],
            more: 3,
            moreUrl: 'https://samverka.malmo.example/planomgangar/1',
          },
          overdueCount: 1,
          items: {
            shown: [
              { code: 'MS-3', title: 'Tillgänglig information på lätt svenska', statusLabel: 'Risk för försening', progress: 40, changed: true },
              { code: 'MS-1', title: 'Gemensam växel för förvaltningarna', statusLabel: 'Ej rapporterad', progress: null, changed: false },
            ],
            more: 0,
            moreUrl: 'https://samverka.malmo.example/planomgangar/1',
          },
          changes: 1,
        },
      ],
    },
  ],
  city: {
    coverage: { covered: 14, total: 15 },
    rounds: [
      {
        roundId: 'r-1',
        title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        phaseLabel: 'Uppföljning',
        submissions: { handedIn: 15, total: 15 },
        responses: { responded: 6, total: 7 },
        reports: { reported: 31, due: 40 },
      },
    ],
  },
};

/** Fixed data with Swedish characters, one or more cases per kind. */
const cases: { [K in NotificationKind]: Array<[string, NotificationKinds[K]]> } = {
  'digest.status': [
    [
      'overdue, a capped list and news',
      { ...digestSections, frequencyLabel: 'varannan vecka', summary: '5 att göra, varav 1 försenad; 1 ny rapport', owedCount: 5, overdueCount: 1, changeCount: 1, settingsUrl: 'https://samverka.malmo.example/installningar/aviseringar' },
    ],
    [
      'owed only, nothing overdue, no follow-up yet',
      {
        ...digestSections,
        departments: [
          {
            ...digestSections.departments[0],
            rounds: [
              {
                ...digestSections.departments[0].rounds[0],
                phaseLabel: 'Behovsinsamling',
                nextDeadline: { label: 'Sista dag för behov', date: '2027-02-26' },
                owed: { shown: [{ text: 'Lämna in förvaltningens behov', dueOn: '2027-02-26', overdue: false, href: 'https://samverka.malmo.example/planomgangar/1/behov/d-1' }], more: 0, moreUrl: 'https://samverka.malmo.example/planomgangar/1' },
                overdueCount: 0,
                items: { shown: [], more: 0, moreUrl: 'https://samverka.malmo.example/planomgangar/1' },
                changes: 0,
              },
            ],
          },
        ],
        frequencyLabel: 'varje vecka',
        summary: '1 att göra; inga nya rapporter',
        owedCount: 1,
        overdueCount: 0,
        changeCount: 0,
        settingsUrl: 'https://samverka.malmo.example/installningar/aviseringar',
      },
    ],
  ],
  'consultation.response_receipt': [
    [
      'the first response, with proposals and an answer',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2024-1400',
        committeeName: 'Kulturnämnden',
        revision: 1,
        correction: false,
        stanceLabel: 'Tillstyrker med synpunkter',
        summary: 'Positiv, men analys av behovet av fysisk service saknas.',
        adoptedOn: '2025-03-20',
        minuteReference: '§ 45',
        theirReference: 'KN-2025-112',
        signatories: ['Janne Grönholm', 'Annika Cedhagen'],
        areaComments: [{ areaName: 'Lokal service', comment: 'Biblioteken tar emot kommunärenden.' }],
        answers: [{ question: 'Hur vill ni samarbeta?', answer: 'Med en utsedd samordnare.' }],
        proposals: [
          { number: 1, text: 'Overviga fysiska permanenta platser', target: 'Lokal service' },
          { number: 2, text: 'Sirskilt beakta tillgängligheten', target: null },
        ],
        text: 'Kulturnimnden foreslar kontaktcenter att\n\no Overviga fysiska permanenta platser',
        receivedOnPaper: false,
        attachmentName: 'yttrande.pdf',
        submittedBy: 'Sara Sekreterare',
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/2',
      },
    ],
    [
      'a correction received on paper, declining, nothing optional',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2024-1400',
        committeeName: 'Tekniska nämnden',
        revision: 2,
        correction: true,
        stanceLabel: 'Avstår från att yttra sig',
        summary: 'Nämnden avstår.',
        adoptedOn: '2025-03-21',
        minuteReference: '§ 3',
        theirReference: null,
        signatories: [],
        areaComments: [],
        answers: [],
        proposals: [],
        text: 'Nämnden avstår från att yttra sig.',
        receivedOnPaper: true,
        attachmentName: null,
        submittedBy: 'Åsa Öberg',
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/3',
      },
    ],
  ],
  'user.invited': [
    [
      'a set-password link',
      {
        email: 'örjan.åkesson@malmo.example',
        setPasswordUrl: 'https://samverka.malmo.example/satt-losenord?token=abc',
        validUntil: '3 december 2026 kl. 14:05',
        ssoLabel: null,
        signInUrl: 'https://samverka.malmo.example/logga-in',
        invitedBy: 'Åsa Öberg',
      },
    ],
    [
      'single sign-on, no inviter',
      {
        email: 'örjan.åkesson@malmo.example',
        setPasswordUrl: null,
        validUntil: null,
        ssoLabel: 'Malmö stads inloggning',
        signInUrl: 'https://samverka.malmo.example/logga-in',
        invitedBy: null,
      },
    ],
  ],
  'coordinator.appointed': [
    [
      'primary, for a period, appointed by someone',
      {
        departmentName: 'Miljöförvaltningen',
        kind: 'primary',
        mandate: 'Företräda förvaltningen i samarbetsprocessen.\nBesluta om prioriteringar inom medborgarservice.',
        responsibilities: ['Lyssna in förvaltningens strategiska behov', 'Förankra arbetet i förvaltningsledningen'],
        validFrom: '2026-04-01',
        validTo: '2027-03-31',
        acknowledgeUrl: 'https://samverka.malmo.example/uppdrag/1/bekrafta',
        appointedBy: 'Åsa Öberg',
        round: { title: 'Planomgång 2026', needsDeadline: '2026-05-15' },
      },
    ],
    [
      'deputy, until further notice, no appointer',
      {
        departmentName: 'Gatukontoret & Fritid <Öst>',
        kind: 'deputy',
        mandate: 'Ersätta samordnaren vid frånvaro.',
        responsibilities: [],
        validFrom: '2026-12-31',
        validTo: null,
        acknowledgeUrl: 'https://samverka.malmo.example/uppdrag/2/bekrafta',
        appointedBy: null,
        round: null,
      },
    ],
  ],
  'department.lacks_coordinator': [
    [
      'first notice',
      { departmentName: 'Miljöförvaltningen', since: '2026-03-01', daysOpen: 0, reminder: false, departmentUrl: 'https://samverka.malmo.example/forvaltningar/1' },
    ],
    [
      'reminder after 14 days',
      { departmentName: 'Miljöförvaltningen', since: '2026-03-01', daysOpen: 14, reminder: true, departmentUrl: 'https://samverka.malmo.example/forvaltningar/1' },
    ],
  ],
  'round.launched': [
    [
      'to a primary coordinator, launched by a strategist',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentName: 'Förskoleförvaltningen',
        kind: 'primary',
        needsDeadline: '2027-02-26',
        areas: ['Tillgänglighet och serviceinriktat bemötande', 'Lokal service'],
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        launchedBy: 'Åsa Öberg',
      },
    ],
    [
      'to a deputy, no person named',
      {
        roundTitle: 'Plan & <utkast>',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentName: 'Kulturförvaltningen',
        kind: 'deputy',
        needsDeadline: '2027-02-26',
        areas: ['Samarbetsprocess'],
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        launchedBy: null,
      },
    ],
  ],
  'round.phase_changed': [
    [
      'into follow-up, with the phase-change status digest',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentNames: ['Miljöförvaltningen'],
        fromLabel: 'Beslut',
        toLabel: 'Uppföljning',
        reason: null,
        forced: false,
        cancelled: false,
        nextDeadline: null,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        digest: digestSections,
      },
    ],
    [
      'launched, next deadline, two departments',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentNames: ['Förskoleförvaltningen', 'Kulturförvaltningen'],
        fromLabel: 'Förberedelse',
        toLabel: 'Behovsinsamling',
        reason: null,
        forced: false,
        cancelled: false,
        nextDeadline: { label: 'Sista dag för behov', date: '2027-02-26' },
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
    [
      'forced close with a reason',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentNames: ['Miljöförvaltningen'],
        fromLabel: 'Behovsinsamling',
        toLabel: 'Planarbete',
        reason: 'Två förvaltningar har meddelat att de lämnar behov muntligt på mötet den 3 mars.',
        forced: true,
        cancelled: false,
        nextDeadline: null,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
    [
      'cancelled',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentNames: ['Miljöförvaltningen', 'Kulturförvaltningen', 'Förskoleförvaltningen'],
        fromLabel: 'Planarbete',
        toLabel: 'Avbruten',
        reason: 'Uppdraget har tagits över av kommunstyrelsen.',
        forced: false,
        cancelled: true,
        nextDeadline: null,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
  ],
  'needs.endorsement_requested': [
    [
      'on time, by a coordinator',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Kulturförvaltningen',
        submittedBy: 'Elin Öberg',
        needCount: 4,
        late: false,
        needsDeadline: '2027-02-26',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        resubmission: null,
      },
    ],
    [
      'handed in again after it was sent back',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Kulturförvaltningen',
        submittedBy: 'Elin Öberg',
        needCount: 3,
        late: false,
        needsDeadline: '2027-02-26',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        resubmission: { returnComment: 'Komplettera behov 2 med underlag.\nÅtergå till <mig> & fråga.' },
      },
    ],
    [
      'late, no person named',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        submittedBy: null,
        needCount: 1,
        late: true,
        needsDeadline: '2027-02-26',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        resubmission: null,
      },
    ],
  ],
  'needs.returned': [
    [
      'sent back by a manager, with a comment on two lines',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        returnedBy: 'Märta Öhman',
        comment: 'Komplettera behov 2 med underlag.\nPrioritera <högst> en & två.',
        needsDeadline: '2027-02-26',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1/behov/2',
      },
    ],
  ],
  'needs.endorsed': [
    [
      'approved by a manager',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        endorsedBy: 'Märta Öhman',
        needCount: 7,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1/behov/2',
      },
    ],
  ],
  'plan.question_asked': [
    [
      'about a frozen version',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        itemCode: 'LS-3',
        itemTitle: 'Vägledning på biblioteken i Östra',
        version: 2,
        question: 'Vad förväntas av oss senast i maj?\nGäller det även förskolorna?',
        askedBy: 'Märta Öhman',
        questionsUrl: 'https://samverka.malmo.example/planomgangar/1/plan/fragor',
      },
    ],
    [
      'about the draft',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        itemCode: 'LS-3',
        itemTitle: 'Vägledning på biblioteken i Östra',
        version: null,
        question: 'Vem äger processen?',
        askedBy: 'Märta Öhman',
        questionsUrl: 'https://samverka.malmo.example/planomgangar/1/plan/fragor',
      },
    ],
  ],
  'plan.question_answered': [
    [
      'answered by a strategist',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        itemCode: 'LS-3',
        itemTitle: 'Vägledning på biblioteken i Östra',
        question: 'Vad förväntas av oss senast i maj?',
        answer: 'En kontaktperson per förskoleområde, senast den 15 maj.',
        answeredBy: 'Åsa Öberg',
        questionsUrl: 'https://samverka.malmo.example/planomgangar/1/ansvarsfordelning/2/fragor',
      },
    ],
  ],
  'needs.collection_closed': [
    [
      'closed, the department had handed in',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        statusLabel: 'godkänd',
        handedIn: true,
        cancelled: false,
        toLabel: 'planarbete',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1/behov/2',
      },
    ],
    [
      'cancelled, the department had not handed in',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Kulturförvaltningen',
        statusLabel: 'utkast',
        handedIn: false,
        cancelled: true,
        toLabel: 'avbruten',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1/behov/3',
      },
    ],
  ],
  'needs.reminder': [
    [
      '10 working days left',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Kulturförvaltningen',
        needsDeadline: '2027-02-26',
        workingDaysLeft: 10,
        passed: false,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        remindedBy: null,
      },
    ],
    [
      'one working day left',
      {
        roundTitle: 'Plan & <utkast>',
        departmentName: 'Gatukontoret & Fritid <Öst>',
        needsDeadline: '2027-02-26',
        workingDaysLeft: 1,
        passed: false,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        remindedBy: null,
      },
    ],
    [
      'the last day is today',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Kulturförvaltningen',
        needsDeadline: '2027-02-26',
        workingDaysLeft: 0,
        passed: false,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        remindedBy: null,
      },
    ],
    [
      'the day after the deadline',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        needsDeadline: '2027-02-26',
        workingDaysLeft: 0,
        passed: true,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        remindedBy: null,
      },
    ],
    [
      'sent by hand by a strategist',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Kulturförvaltningen',
        needsDeadline: '2027-02-26',
        workingDaysLeft: 4,
        passed: false,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
        remindedBy: 'Sofia Berglund',
      },
    ],
  ],
  'needs.escalation': [
    [
      'two coordinators to follow up with',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        needsDeadline: '2027-02-26',
        workingDaysOverdue: 5,
        coordinatorNames: ['Elin Öberg', 'Åke Ström'],
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
    [
      'no coordinator',
      {
        roundTitle: 'Plan & <utkast>',
        departmentName: 'Gatukontoret & Fritid <Öst>',
        needsDeadline: '2027-02-26',
        workingDaysOverdue: 7,
        coordinatorNames: [],
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
  ],
  'plan.responsibility_summary': [
    [
      'version 1, two items, one without dates or contact centre part',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        departmentName: 'Förskoleförvaltningen',
        version: 1,
        frozenOn: '2027-04-15',
        frozenBy: 'Åsa Öberg',
        changed: false,
        changes: [],
        items: [
          {
            code: 'LS-1',
            title: 'Gemensam ingång för förskoleärenden',
            roleLabel: 'Utför (R)',
            expectations: 'Utse en kontaktperson & <ta fram> svarsmallar senast 2027-06-30.',
            effort: '80 timmar per år (0,05 årsarbetskrafter)',
            period: '2027 T1 – 2027 T2',
            contactCentre: 'Ansvarig (A): Leder arbetet och tar emot ärendena.',
          },
          { code: 'TI-2', title: 'Tillgänglig information', roleLabel: 'Informeras (I)', expectations: 'Tar del av resultatet.', effort: 'ej uppskattad', period: null, contactCentre: null },
        ],
        totalEffort: '80 timmar per år (0,05 årsarbetskrafter)',
        summaryUrl: 'https://samverka.malmo.example/planomgangar/1/ansvarsfordelning/2',
      },
    ],
    [
      'version 2, what changed, no frozen-by',
      {
        roundTitle: 'Plan & <utkast>',
        caseNumber: 'STK-2026-1400',
        departmentName: 'Gatukontoret & Fritid <Öst>',
        version: 2,
        frozenOn: '2027-05-02',
        frozenBy: null,
        changed: true,
        changes: [
          { code: 'LS-1', title: 'Gemensam ingång', kindLabel: 'ändrad', details: ['Roll: Utför (R) → Ansvarig (A)', 'Uppskattad insats: ej uppskattad → 40 timmar per år (0,02 årsarbetskrafter)'] },
          { code: 'LS-4', title: 'Borttagen insats', kindLabel: 'borttagen för er', details: ['Förvaltningen har inte längre någon roll (var Rådfrågas (C))'] },
        ],
        items: [{ code: 'LS-1', title: 'Gemensam ingång', roleLabel: 'Ansvarig (A)', expectations: 'Leder arbetet.', effort: '40 timmar per år (0,02 årsarbetskrafter)', period: 'från 2027 T2', contactCentre: null }],
        totalEffort: '40 timmar per år (0,02 årsarbetskrafter)',
        summaryUrl: 'https://samverka.malmo.example/planomgangar/1/ansvarsfordelning/3',
      },
    ],
    [
      'version 1, nothing expected of the department',
      {
        roundTitle: 'Utvecklingsplan 2027',
        caseNumber: 'STK-2026-1400',
        departmentName: 'Kulturförvaltningen',
        version: 1,
        frozenOn: '2027-04-15',
        frozenBy: 'Åsa Öberg',
        changed: false,
        changes: [],
        items: [],
        totalEffort: '0 timmar per år (0 årsarbetskrafter)',
        summaryUrl: 'https://samverka.malmo.example/planomgangar/1/ansvarsfordelning/4',
      },
    ],
  ],
  'round.deadline_passed': [
    [
      'needs deadline, still open, something missing',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        deadlineLabel: 'Sista dag för behov',
        date: '2027-02-26',
        phaseLabel: 'Behovsinsamling',
        outstanding: ['3 förvaltningar har inte lämnat in behov'],
        autoClosed: false,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
    [
      'closed automatically, nothing missing',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        year: 2027,
        deadlineLabel: 'Sista dag för remissvar',
        date: '2027-05-31',
        phaseLabel: 'Remiss',
        outstanding: [],
        autoClosed: true,
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
  ],
  'plan.adopted': [
    [
      'version 2 adopted by the executive board',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2025 och framåt',
        caseNumber: 'STK-2024-1400',
        departmentName: 'Förskoleförvaltningen',
        version: 2,
        decidedOn: '2025-05-07',
        body: 'Kommunstyrelsen',
        minuteReference: '§ 123',
        summaryUrl: 'https://samverka.malmo.example/planomgangar/1/ansvarsfordelning/2',
      },
    ],
  ],
  'plan.returned': [
    [
      'returned with a reason, recorded by a strategist',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2025 och framåt',
        caseNumber: 'STK-2024-1400',
        version: 1,
        decidedOn: '2025-05-07',
        body: 'Kommunstyrelsen',
        minuteReference: '§ 124',
        reason: 'Ansvarsfördelningen mellan kontaktcenter & förvaltningarna <behöver> förtydligas.',
        recordedBy: 'Åsa Öberg',
        roundUrl: 'https://samverka.malmo.example/planomgangar/1',
      },
    ],
  ],
  'consultation.sent': [
    [
      'questions and a contact person',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Kulturnämnden',
        planVersion: 2,
        replyBy: '2027-03-31',
        coverLetter: 'Kontaktcenter skickar härmed planen på remiss.\nSvaren sammanställs inför kommunstyrelsens beslut.',
        contactPerson: { name: 'Åsa Öberg', email: 'asa.oberg@malmo.example', title: 'Strateg' },
        questions: [
          { areaName: 'Lokal service', text: 'Hur kan biblioteken bidra?' },
          { areaName: null, text: 'Saknas något i planen?' },
        ],
        planUrl: 'https://samverka.malmo.example/planomgangar/1/plan/versioner/2',
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/k1',
      },
    ],
    [
      'no questions, no contact person',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Förskolenämnden',
        planVersion: 1,
        replyBy: '2027-03-31',
        coverLetter: 'Planen på remiss.',
        contactPerson: null,
        questions: [],
        planUrl: 'https://samverka.malmo.example/planomgangar/1/plan/versioner/1',
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/k2',
      },
    ],
  ],
  'consultation.extension_requested': [
    [
      'a request',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Kulturnämnden',
        replyBy: '2027-03-31',
        requestedReplyBy: '2027-04-30',
        reason: 'Nämnden sammanträder först i april.',
        requestedBy: 'Örjan Åkesson',
        consultationUrl: 'https://samverka.malmo.example/planomgangar/1/remiss',
      },
    ],
  ],
  'consultation.extension_decided': [
    [
      'approved',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Kulturnämnden',
        approved: true,
        requestedReplyBy: '2027-04-30',
        replyBy: '2027-04-23',
        decisionReason: null,
        decidedBy: 'Åsa Öberg',
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/k1',
      },
    ],
    [
      'declined',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Kulturnämnden',
        approved: false,
        requestedReplyBy: '2027-04-30',
        replyBy: '2027-03-31',
        decisionReason: 'Beslutet i kommunstyrelsen kan inte skjutas upp.',
        decidedBy: null,
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/k1',
      },
    ],
  ],
  'consultation.reminder': [
    [
      'before the reply date',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Kulturnämnden',
        replyBy: '2027-03-31',
        workingDaysLeft: 5,
        passed: false,
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/k1',
      },
    ],
    [
      'after it',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        caseNumber: 'STK-2026-1400',
        committeeName: 'Kulturnämnden',
        replyBy: '2027-03-31',
        workingDaysLeft: 0,
        passed: true,
        responseUrl: 'https://samverka.malmo.example/planomgangar/1/remiss/k1',
      },
    ],
  ],
  'follow_up.reminder': [
    [
      'three working days before, two items',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        organisationName: 'Förskoleförvaltningen',
        contactCentre: false,
        periodLabel: '2027 T1',
        dueOn: '2027-04-30',
        workingDaysLeft: 3,
        passed: false,
        items: [
          { code: 'LS-1', title: 'Gemensam ärendehantering' },
          { code: 'LS-3', title: 'Tillgänglighet & <språk>' },
        ],
        itemCount: 2,
        reportUrl: 'https://samverka.malmo.example/planomgangar/1/uppfoljning/forvaltningar/d1',
      },
    ],
    [
      'the contact centre after the due date, one item',
      {
        roundTitle: 'Plan & <utkast>',
        organisationName: 'kontaktcenter',
        contactCentre: true,
        periodLabel: '2027 T1',
        dueOn: '2027-04-30',
        workingDaysLeft: 0,
        passed: true,
        items: [{ code: 'KC-2', title: 'Chatt på kvällstid' }],
        itemCount: 1,
        reportUrl: 'https://samverka.malmo.example/planomgangar/1/uppfoljning',
      },
    ],
  ],
  'follow_up.escalation': [
    [
      'two coordinators to follow up with',
      {
        roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
        departmentName: 'Förskoleförvaltningen',
        periodLabel: '2027 T1',
        dueOn: '2027-04-30',
        workingDaysOverdue: 5,
        items: [{ code: 'LS-1', title: 'Gemensam ärendehantering' }],
        itemCount: 1,
        coordinatorNames: ['Elin Öberg', 'Åke Ström'],
        reportUrl: 'https://samverka.malmo.example/planomgangar/1/uppfoljning/forvaltningar/d1',
      },
    ],
  ],
};

describe(NotificationRenderer.name, () => {
  const sut = new NotificationRenderer(config);
  const render = (kind: string, data: object, recipientName = 'Örjan Åkesson') =>
    sut.render({ id: '6f1c7a52-4f5e-4d8c-9a57-0d1c2b3a4f5e', kind, recipientName, data: data as Record<string, unknown> });

  for (const kind of Object.keys(cases) as NotificationKind[]) {
    describe(kind, () => {
      for (const [name, data] of cases[kind]) {
        describe(name, () => {
          const mail = render(kind, data);
          it('subject', () => expect(mail.subject).toMatchSnapshot());
          it('html', () => expect(mail.html).toMatchSnapshot());
          it('text', () => expect(mail.text).toMatchSnapshot());
        });
      }
    });
  }

  it('greets the recipient and speaks Swedish in both parts', () => {
    const mail = render('coordinator.appointed', cases['coordinator.appointed'][0][1]);
    expect(mail.subject).toBe('Du är utsedd till samordnare för medborgarservice på Miljöförvaltningen');
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.html).toContain('Hej Örjan!');
    expect(mail.text).toContain('Hej Örjan!');
    expect(mail.text).toContain('Giltighet: från 1 april 2026 till och med 31 mars 2027.');
    expect(mail.text).toContain('- Förankra arbetet i förvaltningsledningen');
  });

  it('escapes data in the HTML part and leaves the text part as written', () => {
    const mail = render('coordinator.appointed', cases['coordinator.appointed'][1][1]);
    expect(mail.html).toContain('Gatukontoret &amp; Fritid &lt;Öst&gt;');
    expect(mail.html).not.toContain('<Öst>');
    expect(mail.html).not.toContain('&amp;amp;');
    expect(mail.text).toContain('på Gatukontoret & Fritid <Öst>.');
    expect(mail.subject).toBe('Du är utsedd till ersättare för samordnaren för medborgarservice på Gatukontoret & Fritid <Öst>');
  });

  it('attaches the first day of an appointment as a calendar event, and nothing to a coverage alert', () => {
    const appointed = render('coordinator.appointed', cases['coordinator.appointed'][0][1]);
    expect(appointed.attachments).toHaveLength(1);
    expect(appointed.attachments[0].contentType).toMatch(/^text\/calendar/);
    expect(appointed.attachments[0].content).toContain('DTSTART;VALUE=DATE:20260401');
    expect(render('department.lacks_coordinator', cases['department.lacks_coordinator'][0][1]).attachments).toEqual([]);
  });

  it('refuses a missing field instead of leaving a gap (strict mode)', () => {
    const { departmentName: _omitted, ...withoutDepartment } = cases['coordinator.appointed'][0][1];
    expect(() => render('coordinator.appointed', withoutDepartment)).toThrow(/"departmentName" not defined/);
    const { departmentUrl: _url, ...withoutUrl } = cases['department.lacks_coordinator'][0][1];
    expect(() => render('department.lacks_coordinator', withoutUrl)).toThrow(/"departmentUrl" not defined/);
  });

  it('refuses an unknown kind', () => {
    expect(() => render('coordinator.dismissed', {})).toThrow(/No templates for the notification kind coordinator.dismissed/);
  });

  it('refuses a field missing from the HTML part (strict HTML templates), naming where', () => {
    // `mandate` is in the HTML part (line 4) before the text part: the HTML template is the one that refuses.
    const { mandate: _mandate, ...withoutMandate } = cases['coordinator.appointed'][0][1];
    expect(() => render('coordinator.appointed', withoutMandate)).toThrow(/^"mandate" not defined in \[object Object\] - 5:\d+$/);
  });

  it('links the service in the footer of both parts', () => {
    const mail = render('department.lacks_coordinator', cases['department.lacks_coordinator'][0][1]);
    expect(mail.html).toContain('<a href="https://samverka.malmo.example" style="color:#1d70b8;">Öppna Samverka</a>');
    expect(mail.text).toContain('Samverka: https://samverka.malmo.example');
    expect(mail.html).toContain('<title>Miljöförvaltningen saknar samordnare för medborgarservice</title>');
  });

  it('writes dates in Swedish, and anything that is not a date as it is', () => {
    const appointed = cases['coordinator.appointed'][0][1];
    expect(render('coordinator.appointed', { ...appointed, validFrom: '2026-12-01', validTo: null }).text).toContain('Giltighet: från 1 december 2026, tills vidare.');
    expect(render('coordinator.appointed', { ...appointed, validTo: 'årsskiftet' }).text).toContain('Giltighet: från 1 april 2026 till och med årsskiftet.');
    expect(render('coordinator.appointed', { ...appointed, validTo: 2027 }).text).toContain('Giltighet: från 1 april 2026 till och med 2027.');
  });

  it('makes the subject one line', () => {
    const subject = render('round.phase_changed', cases['round.phase_changed'][0][1]).subject;
    expect(subject).not.toMatch(/\s{2}|\n|^\s|\s$/);
  });

  it('attaches the needs deadline of a launched round, identified by the notification', () => {
    const [[, launched]] = cases['round.launched'];
    const mail = sut.render({ id: 'n-77', kind: 'round.launched', recipientName: 'Annika Åsberg', data: launched as unknown as Record<string, unknown> });
    expect(mail.attachments.map((a) => a.filename)).toEqual(['sista-dag-behov.ics']);
    const ics = mail.attachments[0].content.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('UID:n-77@samverka');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270226');
    expect(ics).toContain('URL;VALUE=URI:https://samverka.malmo.example');
  });
});

describe('notification kinds', () => {
  it('are all mandatory but the periodic status digest, and the list follows the settings', () => {
    expect(NOTIFICATION_KINDS).toEqual([
      'coordinator.appointed',
      'department.lacks_coordinator',
      'round.launched',
      'round.phase_changed',
      'round.deadline_passed',
      'needs.endorsement_requested',
      'needs.reminder',
      'needs.escalation',
      'needs.returned',
      'needs.endorsed',
      'needs.collection_closed',
      'user.invited',
      'plan.question_asked',
      'plan.question_answered',
      'plan.responsibility_summary',
      'plan.adopted',
      'plan.returned',
      'consultation.sent',
      'consultation.extension_requested',
      'consultation.extension_decided',
      'consultation.reminder',
      'follow_up.reminder',
      'follow_up.escalation',
      'consultation.response_receipt',
      'digest.status',
    ]);
    expect(NOTIFICATION_KINDS.filter((kind) => !KIND_SETTINGS[kind].mandatory)).toEqual(['digest.status']);
    expect(NOTIFICATION_KINDS.filter((kind) => KIND_SETTINGS[kind].calendar)).toEqual(['coordinator.appointed', 'round.launched', 'consultation.sent']);
  });

  it('describe the date of an appointment and of a launched round for the calendar', () => {
    const calendarOf = <K extends NotificationKind>(kind: K, data: NotificationKinds[K]) => (KIND_SETTINGS[kind].calendar as (d: NotificationKinds[K]) => unknown)(data);
    expect(calendarOf('coordinator.appointed', cases['coordinator.appointed'][0][1])).toEqual({
      summary: 'Uppdraget som samordnare för medborgarservice börjar',
      date: '2026-04-01',
      filename: 'uppdraget-borjar.ics',
      url: 'https://samverka.malmo.example/uppdrag/1/bekrafta',
      description:
        'Du är samordnare för medborgarservice på Miljöförvaltningen från och med 1 april 2026 till och med 31 mars 2027. ' +
        'Bekräfta uppdraget: https://samverka.malmo.example/uppdrag/1/bekrafta',
    });
    expect(calendarOf('round.launched', cases['round.launched'][0][1])).toEqual({
      summary: 'Sista dag att lämna in behov: Utvecklingsplan för kontaktcenter 2027 och framåt',
      date: '2027-02-26',
      filename: 'sista-dag-behov.ics',
      url: 'https://samverka.malmo.example/planomgangar/1',
      description:
        'Förskoleförvaltningen lämnar in sina behov inom medborgarservice till planomgången Utvecklingsplan för kontaktcenter 2027 och framåt ' +
        '(STK-2026-1400) senast 26 februari 2027. Behoven: https://samverka.malmo.example/planomgangar/1',
    });
  });
});

describe(lowerFirst.name, () => {
  it('writes a label inside a sentence in lower case, but keeps an abbreviation', () => {
    expect(lowerFirst('Behovsinsamling')).toBe('behovsinsamling');
    expect(lowerFirst('Inför beslut')).toBe('inför beslut');
    expect(lowerFirst('IT-stöd')).toBe('IT-stöd');
  });
});
