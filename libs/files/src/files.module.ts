import { Module, type DynamicModule } from '@nestjs/common';
import { FILE_STORAGE } from './file-storage.port';
import { FilesService } from './files.service';
import { LocalDiskFileStorage } from './local-disk.file-storage';

@Module({})
export class FilesModule {
  /** The local disk under `dir` (FILES_DIR, by default the data folder's `files`). Needs PersistenceModule. */
  static forRoot(options: { dir: string }): DynamicModule {
    return {
      module: FilesModule,
      global: true,
      providers: [
        {
          provide: FILE_STORAGE,
          useFactory: async () => {
            const storage = new LocalDiskFileStorage(options.dir);
            await storage.init();
            return storage;
          },
        },
        FilesService,
      ],
      exports: [FILE_STORAGE, FilesService],
    };
  }
}
