/** The digests' Swedish words: the frequencies are the identity's (`DIGEST_FREQUENCY_LABELS`), re-exported for the digest's pages. */
export { DIGEST_FREQUENCY_LABELS } from '@samverka/identity';
