import { needContent, NeedEntity, NeedRow, SubmissionRow } from '@samverka/needs';
import { NeedDto, SubmissionDto } from './dto/needs.dto';

export const toNeedDto = (n: NeedEntity | NeedRow): NeedDto => ({
  id: n.id,
  roundId: n.roundId,
  ...needContent(n),
  ...('departmentName' in n ? { departmentName: n.departmentName, submissionStatus: n.submissionStatus } : {}),
  createdAt: n.createdAt,
  updatedAt: n.updatedAt,
});

export const toSubmissionDto = (r: SubmissionRow): SubmissionDto => ({
  departmentId: r.departmentId,
  departmentName: r.departmentName,
  status: r.status,
  needCount: r.needCount,
  late: r.submission?.late ?? false,
  submittedAt: r.submission?.submittedAt ?? null,
  endorsedAt: r.submission?.endorsedAt ?? null,
  returnedAt: r.submission?.returnedAt ?? null,
  returnComment: r.submission?.returnComment ?? null,
  nothingToReportReason: r.submission?.nothingToReportReason ?? null,
});
