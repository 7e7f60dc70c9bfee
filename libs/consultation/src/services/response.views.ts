import type { LocalDate } from '@samverka/kernel';
import type { ResponseStance, ResponseStatus } from '../consultation.model';

/** The attached document's metadata (its bytes are downloaded on their own). */
export interface ResponseAttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string;
  uploadedAt: Date;
}

/** An uploaded document with the text found in it (to prefill the full text; never saved as the text by itself). */
export interface UploadedAttachmentView extends ResponseAttachmentView {
  extractedText: string | null;
}

export interface ResponseProposalView {
  id: string;
  text: string;
  areaCode: string | null;
  itemCode: string | null;
}

/** One revision (or the draft) of a committee's response, every field as registered. */
export interface ResponseView {
  id: string;
  committeeId: string;
  revision: number;
  /** The remiss's sending it answers (1, 2, …). */
  sending: number;
  status: ResponseStatus;
  stance: ResponseStance | null;
  stanceLabel: string | null;
  summary: string | null;
  text: string | null;
  adoptedOn: LocalDate | null;
  minuteReference: string | null;
  theirReference: string | null;
  signatories: string[];
  areaComments: Array<{ areaCode: string; comment: string }>;
  answers: Array<{ questionId: string; answer: string }>;
  proposals: ResponseProposalView[];
  receivedOnPaper: boolean;
  createdByName: string;
  updatedAt: Date;
  submittedByName: string | null;
  submittedAt: Date | null;
  supersededAt: Date | null;
  attachment: ResponseAttachmentView | null;
}

/** `GET …/responses/{committeeId}`: the current submitted response, the draft, and the earlier (superseded) revisions, newest first. */
export interface CommitteeResponsesView {
  roundId: string;
  committeeId: string;
  committeeName: string;
  replyBy: LocalDate;
  planVersion: number;
  /** The remiss's current sending; a response of an earlier sending is among the revisions. */
  sending: number;
  questions: Array<{ id: string; areaCode: string | null; text: string }>;
  current: ResponseView | null;
  draft: ResponseView | null;
  revisions: ResponseView[];
}

/** `POST …/responses` and `…/revisions`: the registered revision and its proposals' ids. */
export interface SubmittedResponseView {
  id: string;
  revision: number;
  proposals: Array<{ id: string; text: string }>;
}
