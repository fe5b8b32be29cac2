import { Module } from '@nestjs/common';
import { SchoolYearService } from './school-year.service';
import { SchoolHistoryService } from './school-history.service';
import { RiskProfileImportService } from './risk-profile-import.service';
import { SchoolYearSettingsController, SchoolsController } from './schools.controller';
import { SCHOOL_FILES, StoredSchoolFiles } from './school-files.port';

@Module({
  controllers: [SchoolsController, SchoolYearSettingsController],
  providers: [
    SchoolYearService,
    SchoolHistoryService,
    RiskProfileImportService,
    { provide: SCHOOL_FILES, useClass: StoredSchoolFiles },
  ],
})
export class SchoolsModule {}
