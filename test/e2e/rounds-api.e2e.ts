import { addDays, formatSwedishDate, localDateInCity } from '@samverka/kernel';
import { NotificationDispatcher } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { checkedCalendarFilesOf } from '../support/calendar-checks';
import { TestSmtpServer } from '../support/smtp';

/**
 * Plan rounds over HTTP: a strategist creates and launches a round, the coordinators receive the
 * launch email (with the needs deadline as .ics) from a real SMTP server, the steps answer with the
 * reasons when they are not possible, stale versions are refused, and coordinators cannot steer.
 */
describe('plan rounds API', () => {
  let ctx: E2eContext;
  let smtp: TestSmtpServer;
  let strategist: AuthedApi;
  let coordinator: AuthedApi;
  let manager: AuthedApi;
  let outsider: AuthedApi;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  const today = localDateInCity(new Date());
  const needs = addDays(today, 45);

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await e2eContext({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samverka.malmo.example' });
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen' });
    const elsewhere = await ctx.given.department({ name: 'Miljöförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Erik Strand' });
    coordinator = await ctx.as([], { name: 'Annika Åsberg', email: 'annika.asberg@malmo.example' });
    await ctx.given.coordinator(preschool, { personId: coordinator.personId, validFrom: '2020-01-01' });
    await ctx.given.coordinator(preschool, { kind: 'deputy', validFrom: '2020-01-01' });
    await ctx.given.coordinator(culture, { validFrom: '2020-01-01' });
    manager = await ctx.as([{ role: 'management', departmentId: preschool.id }], { name: 'Helena Ljung' });
    outsider = await ctx.as([{ role: 'management', departmentId: elsewhere.id }]);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  let year = 2060;
  const create = (body: Record<string, unknown> = {}) =>
    strategist.api('POST', '/api/v1/rounds', {
      title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
      year: year++,
      caseNumber: 'STK-2026-1400',
      participantDepartmentIds: [preschool.id, culture.id],
      deadlines: { needs, consultationReply: addDays(today, 120), decision: addDays(today, 200) },
      ...body,
    });

  it('a strategist creates and launches a round; the coordinators and the deputy receive the launch email with the needs deadline as .ics; management is told', async () => {
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ state: 'preparing', version: 1, deadlines: { needs } });
    expect(created.body.events).toEqual([
      expect.objectContaining({ type: 'LAUNCH', allowed: true, reasons: [] }),
      expect.objectContaining({ type: 'CANCEL', allowed: true }),
    ]);
    expect(created.body.areas).toHaveLength(5);

    const launched = await strategist.api('POST', `/api/v1/rounds/${created.body.id}/events`, { type: 'LAUNCH' }, { 'if-match': '"1"' });
    expect(launched.status).toBe(200);
    expect(launched.headers.get('etag')).toBe('"2"');
    expect(launched.body).toMatchObject({ state: 'collectingNeeds', version: 2 });

    const before = smtp.received.length;
    await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const mails = (await smtp.waitFor(before + 4)).slice(before);
    const launchMails = mails.filter((m) => m.parsed.subject?.includes('lämna in'));
    expect(launchMails).toHaveLength(3); // two in Förskoleförvaltningen (primary, deputy), one in Kulturförvaltningen
    const annika = launchMails.find((m) => m.to.includes('annika.asberg@malmo.example'))!;
    expect(annika.parsed.subject).toBe(`Utvecklingsplan för kontaktcenter 2027 och framåt: lämna in Förskoleförvaltningens behov senast ${formatSwedishDate(needs)}`);
    expect(annika.parsed.text).toContain('Som samordnare för medborgarservice på Förskoleförvaltningen');
    expect(annika.parsed.text).toContain(`https://samverka.malmo.example/planomgangar/${created.body.id}`);
    const ics = annika.parsed.attachments.find((a) => a.filename === 'sista-dag-behov.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics!.content.toString('utf8').replace(/\r?\n[ \t]/g, ''); // unfold 75-octet lines
    expect(calendar).toContain(`DTSTART;VALUE=DATE:${needs.replace(/-/g, '')}`);
    expect(calendar).toContain('SUMMARY:Sista dag att lämna in behov: Utvecklingsplan för kontaktcenter 2027 och framåt');
    // A calendar program reads it (ical.js, RFC 5545/6047), and its URL is the department's needs page.
    expect(checkedCalendarFilesOf(annika.parsed)).toEqual([
      expect.objectContaining({ method: 'PUBLISH', url: expect.stringMatching(new RegExp(`^https://samverka\\.malmo\\.example/planomgangar/${created.body.id}/behov/[0-9a-f-]{36}$`)) }),
    ]);
    const managerMail = mails.find((m) => m.to.includes(manager.email))!;
    expect(managerMail.parsed.subject).toBe('Utvecklingsplan för kontaktcenter 2027 och framåt: nu i fasen behovsinsamling');
  });

  it("a coordinator reads the round of their department but cannot steer it (403, nothing changes); an outsider cannot read it", async () => {
    const { body: round } = await create();
    expect((await coordinator.api('GET', `/api/v1/rounds/${round.id}`)).status).toBe(200);
    expect((await coordinator.api('GET', '/api/v1/rounds')).body.map((r: { id: string }) => r.id)).toContain(round.id);

    const steer = await coordinator.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'LAUNCH' });
    expect(steer.status).toBe(403);
    expect((await coordinator.api('POST', '/api/v1/rounds', { title: 'x' })).status).toBe(403);
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}`)).body).toMatchObject({ state: 'preparing', version: 1 });

    expect((await outsider.api('GET', `/api/v1/rounds/${round.id}`)).status).toBe(403);
    expect((await outsider.api('GET', `/api/v1/rounds/${round.id}/history`)).status).toBe(403);
    expect((await outsider.api('GET', '/api/v1/rounds')).body.map((r: { id: string }) => r.id)).not.toContain(round.id);
  });

  it('an illegal step is a 409 with the reasons in Swedish; a forced one needs a reason, which lands in the history', async () => {
    const { body: round } = await create();
    await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'LAUNCH' });

    const view = await strategist.api('GET', `/api/v1/rounds/${round.id}`);
    expect(view.headers.get('etag')).toBe('"2"');
    expect(view.body.events.find((e: { type: string }) => e.type === 'CLOSE_NEEDS')).toEqual({
      type: 'CLOSE_NEEDS',
      label: 'Stäng behovsinsamlingen',
      allowed: false,
      forcible: true,
      reasons: ['2 förvaltningar har inte lämnat in behov'],
    });

    const refused = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'CLOSE_NEEDS' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', context: { reasons: ['2 förvaltningar har inte lämnat in behov'] } });
    const wrongState = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'CLOSE_ROUND' });
    expect(wrongState.status).toBe(409);
    expect(wrongState.body.context.reasons).toEqual(['Steget är inte möjligt när planomgången är i läget Behovsinsamling']);

    const noReason = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'CLOSE_NEEDS', force: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason', rule: 'requiredWhenForced' })]);

    const forced = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'CLOSE_NEEDS', force: true, reason: 'Behoven togs in muntligt' });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ state: 'draftingPlan', version: 3, forcedSteps: [{ event: 'CLOSE_NEEDS', reason: 'Behoven togs in muntligt' }] });

    const history = await manager.api('GET', `/api/v1/rounds/${round.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'LAUNCH', 'CLOSE_NEEDS']);
    expect(history.body[2]).toMatchObject({ forced: true, reason: 'Behoven togs in muntligt', actorLabel: 'Erik Strand', fromState: 'collectingNeeds', toState: 'draftingPlan' });
  });

  it('a stale If-Match is a 409 VERSION_CONFLICT and changes nothing; a malformed one is a 400 naming the header', async () => {
    const { body: round } = await create();
    expect((await strategist.api('PATCH', `/api/v1/rounds/${round.id}`, { title: 'Ny titel' }, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'LAUNCH' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', context: { currentVersion: 2 } });
    const malformed = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'LAUNCH' }, { 'if-match': 'senaste' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'If-Match', rule: 'etag' })]);
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}`)).body).toMatchObject({ state: 'preparing', version: 2, title: 'Ny titel' });
  });

  it('bad input is a 400 naming the field and the rule, and writes nothing', async () => {
    const count = async () => (await strategist.api('GET', '/api/v1/rounds')).body.length;
    const before = await count();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ deadlines: { needs: '2027-02-30' } }, 'deadlines.needs', 'isLocalDate'],
      [{ deadlines: { needs: today } }, 'deadlines.needs', 'afterToday'],
      [{ year: 1999 }, 'year', 'min'],
      [{ participantDepartmentIds: ['inte-ett-id'] }, 'participantDepartmentIds', 'isUuid'],
      [{ areas: [{ code: 'LOKAL' }] }, 'areas[0].name', 'isNotEmpty'],
      [{ colour: 'blå' }, 'colour', 'unknownField'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await create(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    const unknown = await create({ participantDepartmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(422);
    const event = await strategist.api('POST', '/api/v1/rounds/00000000-0000-4000-8000-000000000000/events', { type: 'FLY' });
    expect(event.status).toBe(400);
    expect(event.body.details).toEqual([expect.objectContaining({ field: 'type', rule: 'isIn' })]);
    expect(await count()).toBe(before);
  });

  it('one active round per year: a second is a 409', async () => {
    const first = await create({ year: 2099 });
    expect(first.status).toBe(201);
    const second = await create({ year: 2099 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ACTIVE_ROUND_EXISTS' });
  });

  it('a missing round is a 404', async () => {
    const res = await strategist.api('GET', '/api/v1/rounds/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
  });

  it("a strategist reminds one department now: its coordinators get the email once, the history names who reminded whom, and a second reminder the same day is a 409 in Swedish", async () => {
    const { body: round } = await create();
    await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'LAUNCH' });
    await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50); // the launch emails, out of the way
    const path = `/api/v1/rounds/${round.id}/participants/${preschool.id}/reminders`;

    const before = smtp.received.length;
    const reminded = await strategist.api('POST', path);
    expect(reminded.status).toBe(201);
    expect(reminded.body).toMatchObject({ roundId: round.id, departmentId: preschool.id, departmentName: 'Förskoleförvaltningen', remindedOn: today });
    expect(reminded.body.recipients).toHaveLength(2);
    expect(reminded.body.recipients).toContain('Annika Åsberg');

    const again = await strategist.api('POST', path);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'REMINDER_ALREADY_SENT', message: 'Förskoleförvaltningen har redan fått en påminnelse i dag. Du kan påminna förvaltningen igen i morgon.' });
    expect((await coordinator.api('POST', path)).status).toBe(403);

    await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    expect(mails).toHaveLength(2);
    const annika = mails.find((m) => m.to.includes('annika.asberg@malmo.example'))!;
    expect(annika.parsed.text).toContain('Erik Strand på kontaktcenter påminner dig om behoven.');
    expect(annika.parsed.text).toContain(`https://samverka.malmo.example/planomgangar/${round.id}/behov/${preschool.id}`);
    // Nothing more is queued by the refused one.
    await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    expect(smtp.received.length).toBe(before + 2);

    const history = await strategist.api('GET', `/api/v1/rounds/${round.id}/history`);
    expect(history.body.filter((e: { type: string }) => e.type === 'REMINDER_SENT')).toEqual([
      expect.objectContaining({ departmentId: preschool.id, remindedOn: today, actorLabel: 'Erik Strand', data: { departmentName: 'Förskoleförvaltningen', recipients: reminded.body.recipients } }),
    ]);
  });

  it('a reminder to a department that does not take part is a 404; before launch it is a 409 naming why', async () => {
    const { body: round } = await create({ participantDepartmentIds: [preschool.id] });
    expect((await strategist.api('POST', `/api/v1/rounds/${round.id}/participants/${culture.id}/reminders`)).status).toBe(404);
    const early = await strategist.api('POST', `/api/v1/rounds/${round.id}/participants/${preschool.id}/reminders`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'REMINDER_NOT_POSSIBLE', message: 'Påminnelser om behov kan bara skickas medan planomgången samlar in behov' });
  });
});
