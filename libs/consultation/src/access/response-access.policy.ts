import type { Principal } from '@samverka/kernel';

/**
 * Who may read and write a committee's response (yttrande), its drafts and its attachment: strategists,
 * admins and that committee's own secretaries. (A submitted response is also part of the compilation,
 * which every reader of the round reads.)
 */
export const mayReadResponseOf = (p: Principal, committeeId: string): boolean => p.strategist || p.admin || p.committeeSecretary.includes(committeeId);

/** Who may write the committee's response and its draft: its secretaries, and strategists (a response received on paper). */
export const mayWriteResponseOf = (p: Principal, committeeId: string): boolean => p.strategist || p.committeeSecretary.includes(committeeId);

/** Whether the caller enters the response as its committee's secretary; otherwise only as one received on paper (a strategist). */
export const respondsAsSecretary = (p: Principal, committeeId: string): boolean => p.committeeSecretary.includes(committeeId);
