import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CyclesModule } from '../cycles/cycles.module';
import { RoadmapImportExceptionFilter } from './roadmap-import-exception.filter';
import { RoadmapsController } from './roadmaps.controller';
import { RoadmapsService } from './roadmaps.service';

@Module({
  imports: [CyclesModule],
  controllers: [RoadmapsController],
  providers: [RoadmapsService, { provide: APP_FILTER, useClass: RoadmapImportExceptionFilter }],
})
export class RoadmapsModule {}
