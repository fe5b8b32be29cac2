import { Module } from '@nestjs/common';
import { CyclesController } from './cycles.controller';
import { CycleLauncherService } from './cycle-launcher.service';
import { CyclesService } from './cycles.service';

@Module({ controllers: [CyclesController], providers: [CyclesService, CycleLauncherService], exports: [CyclesService] })
export class CyclesModule {}
