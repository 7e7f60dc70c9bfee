import { ConsultationModule } from '@samverka/consultation';
import { DigestService, DigestsModule } from '@samverka/digests';
import { FollowUpModule, FollowUpService } from '@samverka/follow-up';
import { NotificationPreferenceService } from '@samverka/identity';
import type { StatusDigestData, StatusDigestSections } from '@samverka/notifications';
import { NeedsModule } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { statementsDuring } from '../support/statements';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

/**
 * Status digests against real PostgreSQL. The clock starts on Monday 2 March 2026 (a biweekly run day:
 * an even number of weeks before 4 January 2027); the follow-up round's first tertial is due 15 May 2026.
 */
describe(DigestService.name, () => {
  let ctx: MediumContext;
  let sut: DigestService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let c: DepartmentEntity;
  let followUp: RoundInFollowUp;
  let collecting: PlanRoundView;
  const users: Record<'managerA' | 'managerB' | 'managerC' | 'coordinator', { id: string; email: string }> = {} as never;

  const at = (iso: string) => ctx.clock.set(new Date(iso));
  const emails = async (kind: string): Promise<Array<{ recipient_email: string; dedup_key: string; data: StatusDigestData }>> =>
    ctx.dataSource.query(`select recipient_email, dedup_key, data from notification where kind = $1 order by created_at, dedup_key`, [kind]);
  const deliveries = async (): Promise<Array<{ user_id: string; kind: string; window_start: Date; window_end: Date; sent: boolean; owed_count: number; overdue_count: number; change_count: number }>> =>
    ctx.dataSource.query(`select user_id, kind, window_start, window_end, sent, owed_count, overdue_count, change_count from digest_delivery order by window_start, user_id, kind`);


  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, FollowUpModule, DigestsModule]);
    sut = ctx.get(DigestService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    c = await ctx.given.department({ name: 'Miljöförvaltningen' });
    // a has a primary coordinator today, b and c have none: the city's coverage is 1 of 3.
    await ctx.given.coordinator(a);
    const user = async (name: keyof typeof users, departmentId: string | null) => {
      const u = await ctx.given.user({ roles: departmentId ? [{ role: 'management', departmentId }] : [] });
      users[name] = { id: u.user.id, email: u.email };
    };
    await user('managerA', a.id);
    await user('managerB', b.id);
    await user('managerC', c.id);
    await user('coordinator', null);
    followUp = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      decidedOn: '2026-02-26',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Öppna servicepunkter', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Samordnare i varje förvaltning', responsibilities: [{ departmentId: b.id, role: 'accountable' }] },
      ],
    });
    // b also takes part in a round that collects needs (not handed in).
    collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [b.id] });
  });
  afterAll(() => ctx.close());

  it('puts the phase-change digest in the one phase-change email, for the manager’s own departments, whatever the frequency', async () => {
    const phaseMails = (await emails('round.phase_changed')).filter((m) => m.dedup_key.startsWith(`round.phase_changed:${followUp.round.id}:`));
    const intoFollowUp = phaseMails.filter((m) => (m.data as unknown as { toLabel: string }).toLabel === 'Uppföljning');
    expect(intoFollowUp.map((m) => m.recipient_email).sort()).toEqual([users.managerA.email, users.managerB.email].sort());
    const digestOf = (email: string) => (intoFollowUp.find((m) => m.recipient_email === email)!.data as unknown as { digest: StatusDigestSections }).digest;
    expect(digestOf(users.managerA.email).departments.map((d) => d.name)).toEqual(['Förskoleförvaltningen']);
    expect(digestOf(users.managerA.email).departments[0].rounds.map((r) => [r.title, r.phaseLabel])).toEqual([[followUp.round.title, 'Uppföljning']]);
    // No separate digest email for a phase change: one email per phase change and manager.
    expect(await emails('digest.status')).toEqual([]);
    expect((await sut.deliveriesOf(users.managerA.id)).map((d) => d.kind)).toContain('phase');
  });

  it('emails each manager exactly their departments’ rounds, what they owe and their items, beside the city; nothing new and nothing owed: no email', async () => {
    const service = ctx.get(FollowUpService);
    const [t1] = await service.periods(followUp.round.id);
    // On 20 May (inside the window 11–25 May) a reports on its first item; its second item and b's stay unreported.
    at('2026-05-20T10:00:00Z');
    const reporter = await ctx.given.person();
    await service.report(principal({ personId: reporter.id, coordinator: [a.id] }), TEST_ACTOR, followUp.round.id, followUp.items[0].id, { periodId: t1.id, departmentId: a.id, status: 'on_track', progress: 20, comment: 'Utbildning pågår.' });

    at('2026-05-25T08:00:00Z'); // Monday 10:00 in Stockholm, a biweekly run day
    expect(await sut.sweep()).toEqual({ due: 3, queued: 2 });

    const mails = await emails('digest.status');
    expect(mails.map((m) => m.recipient_email).sort()).toEqual([users.managerA.email, users.managerB.email].sort());
    const windowStart = '2026-05-11T05:00:00.000Z';
    expect(mails.map((m) => m.dedup_key).sort()).toEqual([`digest.status:${users.managerA.id}:${windowStart}`, `digest.status:${users.managerB.id}:${windowStart}`].sort());

    const mailA = mails.find((m) => m.recipient_email === users.managerA.email)!.data;
    expect(mailA.since).toBe('11 maj 2026 kl. 07:00');
    expect(mailA.until).toBe('25 maj 2026 kl. 07:00');
    expect(mailA.departments.map((d) => d.name)).toEqual(['Förskoleförvaltningen']);
    const [roundA] = mailA.departments[0].rounds;
    expect(roundA).toMatchObject({ roundId: followUp.round.id, phaseLabel: 'Uppföljning', nextDeadline: null, overdueCount: 1, changes: 1 });
    expect(roundA.owed.shown).toEqual([{ text: `Rapportera ${followUp.items[1].code} Öppna servicepunkter för 2026 T1`, dueOn: '2026-05-15', overdue: true, href: expect.stringContaining(`/planomgangar/${followUp.round.id}`) }]);
    expect(roundA.items.shown).toEqual([
      { code: followUp.items[0].code, title: 'Vägledning på biblioteken', statusLabel: 'Enligt plan', progress: 20, changed: true },
      { code: followUp.items[1].code, title: 'Öppna servicepunkter', statusLabel: 'Ej rapporterad', progress: null, changed: false },
    ]);
    expect([mailA.owedCount, mailA.overdueCount, mailA.changeCount, mailA.summary]).toEqual([1, 1, 1, '1 att göra, varav 1 försenad; 1 ny rapport']);

    const mailB = mails.find((m) => m.recipient_email === users.managerB.email)!.data;
    expect(mailB.departments.map((d) => d.name)).toEqual(['Kulturförvaltningen']);
    const byRound = new Map(mailB.departments[0].rounds.map((r) => [r.roundId, r]));
    expect([...byRound.keys()].sort()).toEqual([followUp.round.id, collecting.id].sort());
    // The needs were due on 30 April: overdue.
    expect(byRound.get(collecting.id)).toMatchObject({ phaseLabel: 'Behovsinsamling', nextDeadline: { label: 'Sista dag för behov', date: collecting.deadlines.needs }, overdueCount: 1, changes: 0 });
    expect(byRound.get(collecting.id)!.owed.shown).toEqual([{ text: 'Lämna in förvaltningens behov', dueOn: '2026-04-30', overdue: true, href: expect.stringContaining(`/behov/${b.id}`) }]);
    expect(byRound.get(followUp.round.id)!.owed.shown.map((o) => [o.text, o.overdue])).toEqual([[`Rapportera ${followUp.items[2].code} Samordnare i varje förvaltning för 2026 T1`, true]]);

    // The city, the same for both: computed by hand from the set-up.
    const expectedCity = {
      coverage: { covered: 1, total: 3 },
      rounds: [
        expect.objectContaining({ roundId: followUp.round.id, phaseLabel: 'Uppföljning', reports: { reported: 1, due: 3 + followUp.fillers.length } }),
        expect.objectContaining({ roundId: collecting.id, phaseLabel: 'Behovsinsamling', submissions: { handedIn: 0, total: 1 }, responses: null, reports: null }),
      ],
    };
    expect(mailA.city).toEqual(expectedCity);
    expect(mailB.city).toEqual(mailA.city);

    // c takes part in no open round: nothing new, nothing owed — recorded, not emailed.
    const recorded = (await deliveries()).filter((d) => d.kind === 'periodic');
    expect(recorded.map((d) => [d.user_id, d.window_start.toISOString(), d.window_end.toISOString(), d.sent, d.owed_count, d.overdue_count, d.change_count]).sort()).toEqual(
      [
        [users.managerA.id, windowStart, '2026-05-25T05:00:00.000Z', true, 1, 1, 1],
        [users.managerB.id, windowStart, '2026-05-25T05:00:00.000Z', true, 2, 2, 0],
        [users.managerC.id, windowStart, '2026-05-25T05:00:00.000Z', false, 0, 0, 0],
      ].sort(),
    );
  });

  it('sends nothing twice when the sweep runs again, and nothing before the next run', async () => {
    const before = (await emails('digest.status')).length;
    at('2026-05-25T08:01:00Z');
    expect(await sut.sweep()).toEqual({ due: 0, queued: 0 });
    at('2026-06-08T04:59:59Z'); // one second before the next biweekly run (07:00 CEST)
    expect(await sut.sweep()).toEqual({ due: 0, queued: 0 });
    expect(await emails('digest.status')).toHaveLength(before);
  });

  it('covers the window from the last digest to this run: an old report is no longer news, and a missed run is caught up once', async () => {
    await ctx.get(NotificationPreferenceService).set(users.managerA.id, 'weekly');
    at('2026-06-17T12:00:00Z'); // a Wednesday: the runs since 25 May were never swept (weekly for a, 8 June for b and c)
    expect(await sut.sweep()).toEqual({ due: 3, queued: 2 });
    const [latest] = (await emails('digest.status')).filter((m) => m.recipient_email === users.managerA.email).slice(-1);
    // From where the last digest ended (25 May), not from "now minus seven days".
    expect(latest.dedup_key).toBe(`digest.status:${users.managerA.id}:2026-05-25T05:00:00.000Z`);
    expect([latest.data.since, latest.data.until, latest.data.frequencyLabel]).toEqual(['25 maj 2026 kl. 07:00', '15 juni 2026 kl. 07:00', 'varje vecka']);
    expect(latest.data.changeCount).toBe(0);
    expect(latest.data.departments[0].rounds[0].items.shown[0]).toMatchObject({ statusLabel: 'Enligt plan', changed: false });
    const ofB = (await emails('digest.status')).filter((m) => m.recipient_email === users.managerB.email).slice(-1)[0];
    expect([ofB.data.since, ofB.data.until]).toEqual(['25 maj 2026 kl. 07:00', '8 juni 2026 kl. 07:00']);
    expect(await sut.sweep()).toEqual({ due: 0, queued: 0 });
  });

  it('sends each digest once when two sweeps run at the same time', async () => {
    at('2026-06-22T06:00:00Z'); // Monday 08:00 CEST: a biweekly run for b and c, a weekly one for a
    const before = (await emails('digest.status')).length;
    const results = await Promise.all([sut.sweep(), sut.sweep()]);
    expect(results.reduce((n, r) => n + r.due, 0)).toBe(3);
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(2);
    const after = await emails('digest.status');
    expect(after).toHaveLength(before + 2);
    expect(new Set(after.map((m) => m.dedup_key)).size).toBe(after.length);
    const windows = (await deliveries()).filter((d) => d.kind === 'periodic' && d.window_end.toISOString() === '2026-06-22T05:00:00.000Z');
    expect(windows.map((d) => d.user_id).sort()).toEqual([users.managerA.id, users.managerB.id, users.managerC.id].sort());
    // The figures of the latest digests, one per user.
    const latest = (await sut.latestDeliveries()).filter((d) => [users.managerA.id, users.managerB.id, users.managerC.id].includes(d.userId));
    expect(latest.map((d) => [d.userId, d.windowEnd.toISOString(), d.sent]).sort()).toEqual(
      [[users.managerA.id, '2026-06-22T05:00:00.000Z', true], [users.managerB.id, '2026-06-22T05:00:00.000Z', true], [users.managerC.id, '2026-06-22T05:00:00.000Z', false]].sort(),
    );
  });

  it('previews the caller’s next digest from their last one until now; empty for a user without a management role', async () => {
    at('2026-06-23T10:00:00Z');
    const preview = await sut.preview(principal({ userId: users.managerA.id, management: [a.id] }));
    expect(preview.empty).toBe(false);
    expect(preview.sections.since).toBe('22 juni 2026 kl. 07:00'); // where the last digest ended
    expect(preview.sections.departments.map((d) => d.name)).toEqual(['Förskoleförvaltningen']);
    const nobody = await sut.preview(principal({ userId: users.coordinator.id }));
    expect(nobody).toEqual({ empty: true, sections: expect.objectContaining({ departments: [], city: { coverage: { covered: 0, total: 0 }, rounds: [] } }) });
    const forC = await sut.preview(principal({ userId: users.managerC.id, management: [c.id] }));
    expect(forC.empty).toBe(true);
    expect(forC.sections.departments).toEqual([]);
  });

  it('sweeps with the same number of statements for 3 departments as for 30', async () => {
    at('2026-07-06T06:00:00Z'); // the next biweekly run (and a weekly one)
    const few = await statementsDuring(() => sut.sweep());
    // 27 more departments, each with a manager, in a round that collects their needs: each owes them.
    const more: DepartmentEntity[] = [];
    for (let i = 0; i < 27; i++) {
      const d = await ctx.given.department();
      more.push(d);
      await ctx.given.user({ roles: [{ role: 'management', departmentId: d.id }] });
    }
    await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: more.map((d) => d.id) });
    at('2026-07-20T06:00:00Z');
    let result = { due: 0, queued: 0 };
    const many = await statementsDuring(async () => (result = await sut.sweep()));
    expect(result.due).toBe(30);
    expect(result.queued).toBe(29); // all but c, which owes nothing
    expect(many).toHaveLength(few.length);
    expect(few.length).toBeLessThanOrEqual(12); // begin, the managers, five reads, the deliveries, the emails, commit
  });

  it('sends the phase-change digest also to a manager who turned the periodic one off, and no periodic one to them', async () => {
    await ctx.get(NotificationPreferenceService).set(users.managerB.id, 'off');
    at('2026-07-21T09:00:00Z');
    await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, collecting.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Tiden är ute' });
    const phase = (await emails('round.phase_changed')).filter((m) => m.dedup_key.startsWith(`round.phase_changed:${collecting.id}:`) && m.recipient_email === users.managerB.email).slice(-1)[0];
    const digest = (phase.data as unknown as { toLabel: string; digest: StatusDigestSections });
    expect(digest.toLabel).toBe('Planarbete');
    expect(digest.digest.departments.map((d) => d.name)).toEqual(['Kulturförvaltningen']);
    expect(digest.digest.departments[0].rounds.find((r) => r.roundId === collecting.id)).toMatchObject({ phaseLabel: 'Planarbete', owed: { shown: [] } });
    at('2026-08-03T06:00:00Z'); // the next biweekly run
    const before = (await emails('digest.status')).filter((m) => m.recipient_email === users.managerB.email).length;
    await sut.sweep();
    expect((await emails('digest.status')).filter((m) => m.recipient_email === users.managerB.email)).toHaveLength(before);
  });
});
