import { Injectable } from '@nestjs/common';
import { RoleGrantRepository, RoleHolderRow } from '../repositories/role-grant.repository';

export type RoleHolder = RoleHolderRow;

/**
 * Who holds a role, for emails addressed to a role rather than a person: a department's management
 * team, the contact centre's strategists. Disabled users and revoked grants are never included.
 */
@Injectable()
export class RecipientDirectory {
  constructor(private readonly grants: RoleGrantRepository) {}

  /** Management users of any of these departments (one row per user and department). */
  managementOf(departmentIds: string[]): Promise<RoleHolder[]> {
    return this.grants.findHolders('management', departmentIds);
  }

  /** Every strategist (kontaktcenter). */
  strategists(): Promise<RoleHolder[]> {
    return this.grants.findHolders('strategist');
  }
}
