import { Inject, Injectable } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { Principal, PrincipalService } from '@samverka/identity';
import { actsForDepartment, OrganisationRegistryService, seesAllDepartments } from '@samverka/organisation';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/request-principal';
import { readSessionCookie } from '../auth/session-cookie';

/** A department the signed-in user acts for, by name. */
export interface OwnDepartment {
  id: string;
  name: string;
  coordinator: boolean;
  management: boolean;
}

/**
 * Who is looking at a page, as the UI needs it: the principal plus the names
 * of the departments and committees they act for (for the navigation and the
 * start page).
 */
export interface Viewer {
  principal: Principal;
  name: string;
  csrfToken: string;
  /** Admins and strategists see every department (the list and every page). */
  seesAllDepartments: boolean;
  /** Departments the user coordinates (today) or manages, by name. */
  departments: OwnDepartment[];
  /** Committees the user is secretary of, by name. */
  committees: Array<{ id: string; name: string }>;
}

/**
 * Builds the Viewer once per request (the layout and the page may both ask):
 * at most one query for department names and one for committee names, never
 * one per department.
 */
@Injectable()
export class ViewerService {
  private readonly cache = new WeakMap<FastifyRequest, Promise<Viewer | null>>();

  constructor(
    private readonly registry: OrganisationRegistryService,
    private readonly principals: PrincipalService,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  of(request: FastifyRequest): Promise<Viewer | null> {
    let viewer = this.cache.get(request);
    if (!viewer) {
      viewer = this.principal(request).then((p) => this.build(p));
      this.cache.set(request, viewer);
    }
    return viewer;
  }

  /**
   * The principal the AccessGuard resolved; for a page no route matched (a
   * mistyped address: the guard never ran) the session cookie's, so the 404
   * page still shows who is signed in and their navigation.
   */
  private async principal(request: FastifyRequest): Promise<Principal | undefined> {
    const resolved = principalOf(request);
    if (resolved) return resolved;
    if (request.routeOptions?.url) return undefined; // a route's guard ran and found nobody
    const token = readSessionCookie(request, this.config);
    return (token ? await this.principals.forToken(token, 'web') : null) ?? undefined;
  }

  private async build(principal: Principal | undefined): Promise<Viewer | null> {
    if (!principal || principal.sessionKind !== 'web') return null;
    const { departments, committees } = await this.registry.namesOf([...new Set([...principal.coordinator, ...principal.management])], [...new Set(principal.committeeSecretary)]);
    return {
      principal,
      name: principal.name,
      csrfToken: principal.csrfToken,
      seesAllDepartments: seesAllDepartments(principal),
      departments: departments.map((d) => ({ id: d.id, name: d.name, coordinator: actsForDepartment(principal, ['coordinator'], d.id), management: actsForDepartment(principal, ['management'], d.id) })),
      committees,
    };
  }
}
