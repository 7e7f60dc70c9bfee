import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * Services own transactions; repositories join whichever transaction is
 * running. `run()` opens one (or joins the current one), and every repository
 * call inside it goes through the same EntityManager, found through
 * AsyncLocalStorage, so nothing needs to pass a transaction around.
 */
@Injectable()
export class TransactionHost {
  private readonly store = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.store.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.store.getStore() !== undefined;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.store.getStore()) return work();
    return this.dataSource.transaction('READ COMMITTED', (manager) => this.store.run(manager, work));
  }
}
