import 'tsconfig-paths/register';
import { EmbeddedInstance } from '../../apps/cli/src/embedded/embedded-postgres';
import { dropTemplate } from './test-database';

export default async function globalTeardown(): Promise<void> {
  try {
    await dropTemplate();
  } finally {
    const instance = (globalThis as { __samverkaDb?: EmbeddedInstance }).__samverkaDb;
    await instance?.release();
  }
}
