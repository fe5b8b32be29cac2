import { Module } from '@nestjs/common';
import { AccountStatesController, DirectoryController } from './directory.controller';
import { DirectoryImportService } from './directory-import.service';
import { DirectoryService } from './directory.service';
import { PeopleService } from './people.service';
import { DirectoryEditService } from './directory-edit.service';
import { PeopleImportService } from './people-import.service';
import { EventAssigneesService } from './event-assignees.service';

@Module({
  controllers: [DirectoryController, AccountStatesController],
  providers: [
    DirectoryService,
    DirectoryImportService,
    PeopleService,
    DirectoryEditService,
    PeopleImportService,
    EventAssigneesService,
  ],
  exports: [DirectoryService],
})
export class DirectoryModule {}
