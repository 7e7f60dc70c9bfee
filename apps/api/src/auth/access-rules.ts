import { ModuleRef } from '@nestjs/core';
import { DepartmentRole } from '@samverka/identity';
import { NeedService } from '@samverka/needs';
import { CoordinatorService } from '@samverka/organisation';
import type { FastifyRequest } from 'fastify';

/** Finds the id (department, committee, person) a scoped rule is about, from the request. */
export type Locator = (request: FastifyRequest, refs: ModuleRef) => Promise<string | null> | string | null;

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'role'; role: 'admin' | 'strategist' }
  | { kind: 'department'; roles: readonly DepartmentRole[]; locate: Locator }
  | { kind: 'committee'; locate: Locator }
  | { kind: 'self'; locate: Locator }
  | { kind: 'roundParticipant'; locate: Locator };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v.toLowerCase() : null);

// ---- rules ----------------------------------------------------------------
/** Anyone, signed in or not (health, sign-in). */
export const anyone = (): AccessRule => ({ kind: 'public' });
/** Every signed-in user, whatever their role. */
export const signedIn = (): AccessRule => ({ kind: 'signedIn' });
export const admin = (): AccessRule => ({ kind: 'role', role: 'admin' });
export const strategist = (): AccessRule => ({ kind: 'role', role: 'strategist' });
/** A coordinator (by assignment valid today) or manager of the department the locator names. */
export const ofDepartment = (roles: readonly DepartmentRole[], locate: Locator): AccessRule => ({ kind: 'department', roles, locate });
/** The secretary of the committee the locator names. */
export const secretaryOf = (locate: Locator): AccessRule => ({ kind: 'committee', locate });
/** The person the locator names, acting for themselves. */
export const self = (locate: Locator): AccessRule => ({ kind: 'self', locate });

/**
 * Someone taking part in the round the locator names: a coordinator or manager of a participating
 * department, or the secretary of a committee one of them serves. (Strategists and admins read every
 * round through their own rules.)
 */
export const participantOfRound = (locate: Locator): AccessRule => ({ kind: 'roundParticipant', locate });

// ---- locators -------------------------------------------------------------
export const fromParam =
  (name: string): Locator =>
  (request) =>
    uuidOrNull((request.params as Record<string, unknown> | undefined)?.[name]);

export const fromBody =
  (name: string): Locator =>
  (request) =>
    uuidOrNull((request.body as Record<string, unknown> | undefined)?.[name]);

export const fromQuery =
  (name: string): Locator =>
  (request) =>
    uuidOrNull((request.query as Record<string, unknown> | undefined)?.[name]);

async function assignment(request: FastifyRequest, refs: ModuleRef, param: string) {
  const id = uuidOrNull((request.params as Record<string, unknown> | undefined)?.[param]);
  if (!id) return null;
  return refs.get(CoordinatorService, { strict: false }).get(id).catch(() => null);
}

/** The department of the coordinator assignment in the path. */
export const departmentOfAssignment =
  (param: string): Locator =>
  async (request, refs) =>
    (await assignment(request, refs, param))?.departmentId ?? null;

/** The person appointed by the coordinator assignment in the path. */
export const personOfAssignment =
  (param: string): Locator =>
  async (request, refs) =>
    (await assignment(request, refs, param))?.personId ?? null;

/** The department of the need in the path. */
export const departmentOfNeed =
  (param: string): Locator =>
  async (request, refs) => {
    const id = uuidOrNull((request.params as Record<string, unknown> | undefined)?.[param]);
    if (!id) return null;
    return (await refs.get(NeedService, { strict: false }).get(id).catch(() => null))?.departmentId ?? null;
  };
