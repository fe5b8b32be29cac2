import { Module } from '@nestjs/common';
import { FilesHttpModule } from '../files/files.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({ imports: [FilesHttpModule], controllers: [EventsController], providers: [EventsService] })
export class EventsModule {}
