import { createHash } from 'node:crypto';

/** A statement's text with the name it is prepared under (`TransactionHost.prepared`). */
export interface PreparedQuery {
  name: string;
  text: string;
}

/**
 * A name unique to the text: a statement composed at start from the app's providers (the facts of
 * other contexts) has a text that depends on the app, and pg refuses one name for two texts.
 */
export function preparedQuery(prefix: string, text: string): PreparedQuery {
  return { name: `${prefix}.${createHash('sha1').update(text).digest('hex').slice(0, 12)}`, text };
}
