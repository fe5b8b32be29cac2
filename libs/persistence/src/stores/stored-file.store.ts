import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
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
   * Forgets staged uploads nothing committed before they expired (their metadata: the bytes are kept
   * by sha256 and may be shared). Answers how many went.
   */
  async deleteExpiredStaged(now: Date): Promise<number> {
    const result = await this.repo.delete({ state: 'staged', expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }

  /** How many uploads carry these bytes (the storage keeps them once). */
  countBySha256(sha256: string): Promise<number> {
    return this.repo.countBy({ sha256 });
  }
}
