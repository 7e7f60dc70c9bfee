import { Client } from 'pg';

/** The SQL statements this process sends to PostgreSQL while `work` runs (for tests that count round trips). */
export async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map((call) => (typeof call[0] === 'string' ? call[0] : String((call[0] as { text?: string }).text)));
  } finally {
    spy.mockRestore();
  }
}
