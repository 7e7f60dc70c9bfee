import { COMMITTEE, OTHER_COMMITTEE, principal } from '../../../../test/support/principals';
import { mayReadResponseOf, mayWriteResponseOf, respondsAsSecretary } from './response-access.policy';

describe('response access', () => {
  it.each([
    ['admin', principal({ admin: true }), true, false, false],
    ['strategist', principal({ strategist: true }), true, true, false],
    ['secretary of the committee', principal({ committeeSecretary: [COMMITTEE] }), true, true, true],
    ['secretary of another committee', principal({ committeeSecretary: [OTHER_COMMITTEE] }), false, false, false],
    ['coordinator', principal({ coordinator: ['department-a'] }), false, false, false],
  ])('%s: reads %s, writes %s, responds as secretary %s', (_name, p, read, write, asSecretary) => {
    expect([mayReadResponseOf(p, COMMITTEE), mayWriteResponseOf(p, COMMITTEE), respondsAsSecretary(p, COMMITTEE)]).toEqual([read, write, asSecretary]);
  });
});
