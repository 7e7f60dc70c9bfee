import { AssignmentStatus, COORDINATOR_KIND_LABELS, CoordinatorAssignmentEntity } from '@samverka/organisation';
import { PageModel } from '../../shell/view-renderer';
import { departmentPath, ErrorSummaryItem, period, statusTag, swedishDateTime, TagView } from '../../shell/format';

/** The path of an assignment's own page, where the appointed person acknowledges it (the appointment email links here). */
export const acknowledgePath = (departmentId: string, assignmentId: string): string => `${departmentPath(departmentId)}/uppdrag/${assignmentId}/bekrafta`;

export interface AcknowledgePageModel extends PageModel {
  heading: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  statusTag: TagView;
  rows: Array<{ key: string; value: string; preserveLines?: boolean }>;
  responsibilities: string[];
  /** The acknowledged time, once acknowledged. */
  acknowledged: string | null;
  /** The POST address, for the appointed person while unacknowledged and not ended. */
  acknowledgeAction: string | null;
  /** Why the viewer sees no button (someone else's assignment, or it has ended). */
  explanation: string | null;
  /** The department page, for those who may see it. */
  departmentHref: string | null;
}

export interface AcknowledgePageInput {
  assignment: CoordinatorAssignmentEntity;
  status: AssignmentStatus;
  /** The viewer's person. */
  viewerPersonId: string | null;
  mayViewDepartment: boolean;
  /** Just acknowledged (after the redirect). */
  justAcknowledged?: boolean;
  /** A refusal to show (the acknowledgement failed). */
  error?: string;
}

/** One assignment, for its appointed person to acknowledge (and for the department's readers to look at). */
export function buildAcknowledgePage(input: AcknowledgePageInput): AcknowledgePageModel {
  const { assignment: a, status } = input;
  const role = COORDINATOR_KIND_LABELS[a.kind];
  const own = input.viewerPersonId !== null && input.viewerPersonId === a.personId;
  const departmentName = a.department?.name ?? 'förvaltningen';
  const action = acknowledgePath(a.departmentId, a.id);
  const mayAcknowledge = own && !a.acknowledgedAt && status !== 'ended';
  let explanation: string | null = null;
  if (!a.acknowledgedAt && !own) explanation = `Bara ${a.person?.name ?? 'den utsedda personen'} kan bekräfta uppdraget.`;
  else if (!a.acknowledgedAt && status === 'ended') explanation = 'Uppdraget har upphört och kan inte längre bekräftas.';
  return {
    title: `${role} för ${departmentName}`,
    section: input.mayViewDepartment ? 'departments' : 'start',
    hasErrors: input.error !== undefined,
    heading: `${role} för ${departmentName}`,
    notice: input.justAcknowledged && a.acknowledgedAt ? `${own ? 'Du' : (a.person?.name ?? 'Personen')} har bekräftat uppdraget som ${role.toLowerCase()} för ${departmentName}.` : null,
    errorSummary: input.error ? [{ text: input.error, href: '#bekrafta' }] : [],
    statusTag: statusTag(status),
    rows: [
      { key: 'Förvaltning', value: departmentName },
      { key: 'Roll', value: role },
      { key: 'Person', value: a.person ? `${a.person.name} (${a.person.email})` : 'Okänd person' },
      { key: 'Giltighet', value: period(a) },
      { key: 'Utsedd av', value: a.appointedBy?.name ?? 'Samverka' },
      { key: 'Mandat', value: a.mandate, preserveLines: true },
    ],
    responsibilities: a.responsibilities,
    acknowledged: a.acknowledgedAt ? swedishDateTime(a.acknowledgedAt) : null,
    acknowledgeAction: mayAcknowledge ? action : null,
    explanation,
    departmentHref: input.mayViewDepartment ? departmentPath(a.departmentId) : null,
  };
}
