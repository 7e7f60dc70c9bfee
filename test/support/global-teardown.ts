import 'tsconfig-paths/register';
import { EmbeddedInstance } from '@samverka/database';
import { dropTemplate } from './test-database';

export default async function globalTeardown(): Promise<void> {
  try {
    await dropTemplate();
  } finally {
    const instance = (globalThis as { __samverkaDb?: EmbeddedInstance }).__samverkaDb;
    await instance?.release();
  }
}
