import type { DigestPreview } from '@samverka/digests';
import { DIGEST_FREQUENCIES, DIGEST_FREQUENCY_LABELS, DigestFrequency } from '@samverka/identity';
import { formatSwedishDate } from '@samverka/kernel';
import { ErrorSummaryItem } from '../../shell/format';
import { FieldErrors } from '../../shell/form-body';
import { PageModel } from '../../shell/view-renderer';

/** The signed-in user's email settings: the status digest's frequency, and the preview of the next one. */
export const DIGEST_SETTINGS_PATH = '/installningar/aviseringar';
export const SAVED_PARAM = 'sparat';

const FREQUENCY_HINTS: Record<DigestFrequency, string> = {
  weekly: 'Måndagar kl. 07.00.',
  biweekly: 'Varannan måndag kl. 07.00 (standard).',
  monthly: 'Första måndagen i månaden kl. 07.00.',
  off: 'Ingen periodisk lägesrapport. Vid fasbyten kommer den ändå.',
};

export interface DigestSettingsPageModel extends PageModel {
  action: string;
  frequencies: Array<{ id: string; value: DigestFrequency; text: string; hint: string; checked: boolean }>;
  errors: FieldErrors;
  errorSummary: ErrorSummaryItem[];
  notice: string | null;
  /** Null: the user is in no department's management, so no digest goes to them. */
  preview: {
    since: string;
    until: string;
    empty: boolean;
    departments: Array<{
      name: string;
      headingId: string;
      rounds: Array<{
        title: string;
        phaseLabel: string;
        roundUrl: string;
        nextDeadline: string | null;
        owed: Array<{ text: string; href: string; dueOn: string | null; overdue: boolean }>;
        owedMore: { count: number; href: string } | null;
        items: Array<{ code: string; title: string; statusLabel: string; progress: string; changed: boolean }>;
        itemsMore: { count: number; href: string } | null;
        changes: number;
      }>;
    }>;
    city: { coverage: string; rounds: Array<{ title: string; phaseLabel: string; submissions: string; responses: string; reports: string }> };
  } | null;
}

const frequencyId = (value: DigestFrequency) => `digestFrequency-${value}`;

/** The field id a violation of `digestFrequency` points at: the first choice. */
export const DIGEST_FREQUENCY_FIELD = frequencyId(DIGEST_FREQUENCIES[0]);

/** A path of this site from an absolute link of the emails (the page links within the site). */
const sitePath = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
};

export function buildDigestSettingsPage(input: {
  frequency: DigestFrequency;
  preview: DigestPreview;
  isManager: boolean;
  errors?: FieldErrors;
  saved?: boolean;
}): DigestSettingsPageModel {
  const errors = input.errors ?? {};
  const errorSummary: ErrorSummaryItem[] = errors.digestFrequency ? [{ text: errors.digestFrequency, href: `#${DIGEST_FREQUENCY_FIELD}` }] : [];
  const s = input.preview.sections;
  return {
    title: 'Lägesrapporter och e-post',
    section: null,
    hasErrors: errorSummary.length > 0,
    action: DIGEST_SETTINGS_PATH,
    frequencies: DIGEST_FREQUENCIES.map((value) => ({ id: frequencyId(value), value, text: DIGEST_FREQUENCY_LABELS[value], hint: FREQUENCY_HINTS[value], checked: value === input.frequency })),
    errors,
    errorSummary,
    notice: input.saved && errorSummary.length === 0 ? `Sparat: ${DIGEST_FREQUENCY_LABELS[input.frequency].toLocaleLowerCase('sv-SE')}.` : null,
    preview: !input.isManager
      ? null
      : {
          since: s.since,
          until: s.until,
          empty: input.preview.empty,
          departments: s.departments.map((d, i) => ({
            name: d.name,
            headingId: `digest-department-${i + 1}`,
            rounds: d.rounds.map((r) => ({
              title: r.title,
              phaseLabel: r.phaseLabel,
              roundUrl: sitePath(r.roundUrl),
              nextDeadline: r.nextDeadline ? `${r.nextDeadline.label} ${formatSwedishDate(r.nextDeadline.date)}` : null,
              owed: r.owed.shown.map((o) => ({ text: o.text, href: sitePath(o.href), dueOn: o.dueOn ? formatSwedishDate(o.dueOn) : null, overdue: o.overdue })),
              owedMore: r.owed.more > 0 ? { count: r.owed.more, href: sitePath(r.owed.moreUrl) } : null,
              items: r.items.shown.map((it) => ({ code: it.code, title: it.title, statusLabel: it.statusLabel, progress: it.progress === null ? '' : `${it.progress} %`, changed: it.changed })),
              itemsMore: r.items.more > 0 ? { count: r.items.more, href: sitePath(r.items.moreUrl) } : null,
              changes: r.changes,
            })),
          })),
          city: {
            coverage: `${s.city.coverage.covered} av ${s.city.coverage.total}`,
            rounds: s.city.rounds.map((c) => ({
              title: c.title,
              phaseLabel: c.phaseLabel,
              submissions: `${c.submissions.handedIn} av ${c.submissions.total}`,
              responses: c.responses ? `${c.responses.responded} av ${c.responses.total}` : '–',
              reports: c.reports ? `${c.reports.reported} av ${c.reports.due}` : '–',
            })),
          },
        },
  };
}
