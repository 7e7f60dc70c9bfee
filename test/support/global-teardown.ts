import 'tsconfig-paths/register';
import { EmbeddedInstance } from '@samverka/database';

export default async function globalTeardown(): Promise<void> {
  const instance = (globalThis as { __samverkaDb?: EmbeddedInstance }).__samverkaDb;
  await instance?.release();
}
