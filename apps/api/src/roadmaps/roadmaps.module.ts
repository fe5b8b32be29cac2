import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { DirectoryModule } from '../directory/directory.module';
import { RoadmapsController } from './roadmaps.controller';
import { RoadmapParserService } from './roadmap-parser.service';
import { RoadmapsService } from './roadmaps.service';

@Module({
  imports: [CyclesModule, DirectoryModule],
  controllers: [RoadmapsController],
  providers: [RoadmapsService, RoadmapParserService],
})
export class RoadmapsModule {}
