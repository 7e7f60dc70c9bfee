import { nextRoundStatus } from './next-round-carry-over.effect';

describe('nextRoundStatus', () => {
  it('leaves behind an item every organisation reports done or cancelled', () => {
    expect(nextRoundStatus(['done'], 'ongoing')).toBeNull();
    expect(nextRoundStatus(['cancelled'], 'planned')).toBeNull();
    expect(nextRoundStatus(['done', 'cancelled'], 'ongoing')).toBeNull();
  });

  it('carries over an item under way for any organisation as ongoing', () => {
    expect(nextRoundStatus(['on_track'], 'planned')).toBe('ongoing');
    expect(nextRoundStatus(['at_risk'], 'planned')).toBe('ongoing');
    expect(nextRoundStatus(['delayed', 'done'], 'planned')).toBe('ongoing');
    expect(nextRoundStatus(['not_started', 'on_track'], 'planned')).toBe('ongoing');
  });

  it('carries over an item not started as planned', () => {
    expect(nextRoundStatus(['not_started'], 'ongoing')).toBe('planned');
    expect(nextRoundStatus(['not_started', 'done'], 'ongoing')).toBe('planned');
  });

  it('without reports, follows the adopted plan', () => {
    expect(nextRoundStatus(undefined, 'planned')).toBe('planned');
    expect(nextRoundStatus([], 'ongoing')).toBe('ongoing');
    expect(nextRoundStatus(undefined, 'completed')).toBeNull();
    expect(nextRoundStatus(undefined, 'cancelled')).toBeNull();
  });
});
