import { Principal } from '@samverka/kernel';
import { NeedsAccessPolicy } from '@samverka/needs';
import { actsForCommittee, actsForDepartment, DepartmentRole, isPerson, OrganisationAccessPolicy } from '@samverka/organisation';
import { RoundAccessPolicy } from '@samverka/rounds';
import type { FastifyRequest } from 'fastify';

/**
 * The access rules `@Allow` takes. A rule decides nothing itself: it finds the
 * resource in the request and asks the context's access policy (the functions
 * and the injected policies of @samverka/organisation, rounds and needs).
 */

/** The policies whose answers must load a row first; the AccessGuard gets them injected and hands them to every rule. */
export interface AccessPolicies {
  organisation: OrganisationAccessPolicy;
  rounds: RoundAccessPolicy;
  needs: NeedsAccessPolicy;
}

/** Finds the id (department, committee, person, round) a scoped rule is about, from the request; null when there is none. */
export type Locator = (request: FastifyRequest, policies: AccessPolicies) => Promise<string | null> | string | null;

export interface AccessRule {
  /** Whom the rule lets in, as the OpenAPI document says it (`x-access`). */
  readonly description: string;
  /** Anyone, signed in or not: the guard then ignores credentials it cannot use. */
  readonly public?: true;
  /** Does the rule let this principal make this request? A policy that cannot decide (a failing query) rejects: an error, never a refusal. */
  holds(p: Principal, request: FastifyRequest, policies: AccessPolicies): boolean | Promise<boolean>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v.toLowerCase() : null);

// ---- rules ----------------------------------------------------------------
/** Anyone, signed in or not (health, sign-in). */
export const anyone = (): AccessRule => ({ description: 'anyone', public: true, holds: () => true });
/** Every signed-in user, whatever their role. */
export const signedIn = (): AccessRule => ({ description: 'any signed-in user', holds: () => true });
export const admin = (): AccessRule => ({ description: 'admin', holds: (p) => p.admin });
export const strategist = (): AccessRule => ({ description: 'strategist', holds: (p) => p.strategist });
/** A coordinator or manager of any department (what they then see is scoped to their departments by the service). */
export const departmentPeople = (): AccessRule => ({ description: 'coordinator or management (their own departments)', holds: (p) => p.coordinator.length > 0 || p.management.length > 0 });

/** A coordinator (by assignment valid today) or manager of the department the locator names. */
export const ofDepartment = (roles: readonly DepartmentRole[], locate: Locator): AccessRule => ({
  description: `${roles.join(' or ')} of the department`,
  holds: async (p, request, policies) => actsForDepartment(p, roles, await locate(request, policies)),
});

/** The secretary of the committee the locator names. */
export const secretaryOf = (locate: Locator): AccessRule => ({
  description: 'committee_secretary of the committee',
  holds: async (p, request, policies) => actsForCommittee(p, await locate(request, policies)),
});

/** The person the locator names, acting for themselves. */
export const self = (locate: Locator): AccessRule => ({
  description: 'the person concerned',
  holds: async (p, request, policies) => isPerson(p, await locate(request, policies)),
});

/**
 * Someone taking part in the round the locator names: a coordinator or manager of a participating
 * department, the secretary of a committee one of them serves, or the secretary of a committee the
 * round's remiss was sent to (RoundAccessPolicy.mayRead). (Strategists and admins read every round
 * through their own rules.)
 */
export const participantOfRound = (locate: Locator): AccessRule => ({
  description: 'coordinator, management or committee_secretary of a department taking part in the round, or committee_secretary of a committee its remiss was sent to',
  holds: async (p, request, policies) => {
    const roundId = await locate(request, policies);
    return !!roundId && (await policies.rounds.mayRead(p, roundId));
  },
});

// ---- locators -------------------------------------------------------------
const uuidIn = (request: FastifyRequest, part: 'params' | 'body' | 'query', name: string): string | null =>
  uuidOrNull((request[part] as Record<string, unknown> | undefined)?.[name]);

export const fromParam =
  (name: string): Locator =>
  (request) =>
    uuidIn(request, 'params', name);

export const fromBody =
  (name: string): Locator =>
  (request) =>
    uuidIn(request, 'body', name);

export const fromQuery =
  (name: string): Locator =>
  (request) =>
    uuidIn(request, 'query', name);

/** What a policy loads for the id in the path (null without a well-formed id). */
const loadedFor =
  (param: string, load: (id: string, policies: AccessPolicies) => Promise<string | null>): Locator =>
  (request, policies) => {
    const id = uuidIn(request, 'params', param);
    return id ? load(id, policies) : null;
  };

/** The department of the coordinator assignment in the path. */
export const departmentOfAssignment = (param: string): Locator =>
  loadedFor(param, async (id, policies) => (await policies.organisation.partiesOfAssignment(id))?.departmentId ?? null);

/** The person appointed by the coordinator assignment in the path. */
export const personOfAssignment = (param: string): Locator =>
  loadedFor(param, async (id, policies) => (await policies.organisation.partiesOfAssignment(id))?.personId ?? null);

/** The department of the need in the path. */
export const departmentOfNeed = (param: string): Locator => loadedFor(param, (id, policies) => policies.needs.departmentOfNeed(id));
