import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { StoredFileEntity } from '../entities/stored-file.entity';

export type NewStoredFile = Omit<StoredFileEntity, 'id' | 'createdAt' | 'state' | 'expiresAt'> &
  Partial<Pick<StoredFileEntity, 'state' | 'expiresAt'>>;

@Injectable()
export class StoredFileStore {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(StoredFileEntity);
  }

  insert(file: NewStoredFile): Promise<StoredFileEntity> {
    return this.repo.save(this.repo.create(file));
  }

  /**
   * Records an upload whose bytes `keepBytes` puts in place, holding the content lock of its sha256
   * for both steps: a sweep of the same bytes cannot remove them between the put and the row.
   */
  insertWithBytes(file: NewStoredFile, keepBytes: () => Promise<void>): Promise<StoredFileEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockContent(manager, file.sha256);
      await keepBytes();
      const repo = manager.getRepository(StoredFileEntity);
      return repo.save(repo.create(file));
    });
  }

  find(id: string): Promise<StoredFileEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findMany(ids: string[]): Promise<StoredFileEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Oldest first: the order the owner uploaded them in (versions of a document read top to bottom). */
  listByOwner(ownerKind: string, ownerId: string, purpose?: string): Promise<StoredFileEntity[]> {
    return this.repo.find({
      where: { ownerKind, ownerId, ...(purpose !== undefined ? { purpose } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Forgets staged uploads nothing committed before they expired, and their bytes where no other
   * upload carries the same sha256 (`removeBytes`). Answers how many uploads went.
   *
   * Race with an upload of the same content (it finds the bytes present, skips writing them, then adds
   * its row): per sha256, the rows are deleted, the remaining ones counted and the bytes removed in one
   * transaction holding a transaction-scoped advisory lock on that hash, which insertWithBytes holds
   * too. So an upload either adds its row first (the count sees it: bytes kept) or waits and writes
   * the bytes again. A commit of the staged row (evidence stored) is serialised by its row lock: the
   * delete skips a committed row, and a commit after the delete finds its file missing. If the
   * transaction fails after the bytes went, only expired, unusable rows stay, swept again next time.
   */
  async sweepExpiredStaged(now: Date, removeBytes: (sha256: string) => Promise<void>): Promise<number> {
    const expired: { sha256: string }[] = await this.repo
      .createQueryBuilder('f')
      .select('DISTINCT f.sha256', 'sha256')
      .where("f.state = 'staged' AND f.expires_at < :now", { now })
      .getRawMany();
    let removed = 0;
    for (const { sha256 } of expired) {
      removed += await this.dataSource.transaction(async (manager) => {
        await lockContent(manager, sha256);
        const result = await manager
          .createQueryBuilder()
          .delete()
          .from(StoredFileEntity)
          .where("sha256 = :sha256 AND state = 'staged' AND expires_at < :now", { sha256, now })
          .execute();
        const kept = await manager.getRepository(StoredFileEntity).existsBy({ sha256 });
        if (!kept) await removeBytes(sha256);
        return result.affected ?? 0;
      });
    }
    return removed;
  }

  /** How many uploads carry these bytes (the storage keeps them once). */
  countBySha256(sha256: string): Promise<number> {
    return this.repo.countBy({ sha256 });
  }
}

/** Any fixed number: it only keeps these locks apart from other advisory locks of the database. */
const CONTENT_LOCK_SPACE = 51_256;

/** Serialises writers and sweepers of one sha256 until the transaction ends (hash collisions only serialise more). */
async function lockContent(manager: EntityManager, sha256: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CONTENT_LOCK_SPACE, sha256]);
}
