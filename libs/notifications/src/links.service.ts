import { Inject, Injectable } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';

/**
 * The web addresses emails link to, built from the validated public base URL
 * (`PUBLIC_URL`). The one place a page's address is spelled for an email.
 */
@Injectable()
export class Links {
  private readonly base: string;

  constructor(@Inject(SAMVERKA_CONFIG) config: SamverkaConfig) {
    this.base = config.app.publicUrl;
  }

  /** The start page (where a coordinator sees and acknowledges their assignments). */
  home(): string {
    return `${this.base}/`;
  }

  /** A plan round's page. */
  round(roundId: string): string {
    return `${this.base}/planomgangar/${roundId}`;
  }

  /** A department's needs in a round (where the coordinator logs and hands in, and management endorses). */
  departmentNeeds(roundId: string, departmentId: string): string {
    return `${this.round(roundId)}/behov/${departmentId}`;
  }

  /** The signed-in user's email settings: how often the status digest comes, and its preview. */
  notificationSettings(): string {
    return `${this.base}/installningar/aviseringar`;
  }

  /** A department's page (its coordinators). */
  department(departmentId: string): string {
    return `${this.base}/forvaltningar/${departmentId}`;
  }

  /** A coordinator assignment's own page, where the appointed person acknowledges it. */
  acknowledgeAssignment(departmentId: string, assignmentId: string): string {
    return `${this.department(departmentId)}/uppdrag/${assignmentId}/bekrafta`;
  }

  /** The page where a new user chooses their password (the token is the link's secret). */
  setPassword(token: string): string {
    return `${this.base}/satt-losenord?token=${encodeURIComponent(token)}`;
  }

  /** The sign-in page. */
  signIn(): string {
    return `${this.base}/logga-in`;
  }

  /** A department's responsibility summary in a round's plan (ansvarsfördelning), where it is read and marked read. */
  departmentSummary(roundId: string, departmentId: string): string {
    return `${this.round(roundId)}/ansvarsfordelning/${departmentId}`;
  }

  /** A frozen version of a round's plan. */
  planVersion(roundId: string, version: number): string {
    return `${this.round(roundId)}/plan/versioner/${version}`;
  }

  /** A round's remiss: who has responded, the extensions (vem har svarat). */
  consultation(roundId: string): string {
    return `${this.round(roundId)}/remiss`;
  }

  /** A recipient committee's response page in a round's remiss. */
  consultationResponse(roundId: string, committeeId: string): string {
    return `${this.round(roundId)}/remiss/${committeeId}`;
  }

  /** A round's follow-up (uppföljning); with a department, that department's follow-up page, where it reports. */
  followUp(roundId: string, departmentId?: string): string {
    return departmentId ? `${this.round(roundId)}/uppfoljning/forvaltningar/${departmentId}` : `${this.round(roundId)}/uppfoljning`;
  }
}
