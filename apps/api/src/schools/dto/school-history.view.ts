import { ApiProperty } from '@nestjs/swagger';
import { SCHOOL_CATEGORIES } from '@orientir/domain';
import { SCHOOL_LIST_STAGES } from '../../cycles/dto/school-list.dto';

export class SchoolInCycleView {
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ format: 'uuid', description: "The school's row in that cycle (its page)" }) schoolId!: string;
  @ApiProperty() cycleTitle!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'The name the school had in that cycle' }) schoolName!: string;
  @ApiProperty({ enum: SCHOOL_CATEGORIES, description: 'The category is per cycle' }) category!: string;
  @ApiProperty({
    enum: SCHOOL_LIST_STAGES,
    nullable: true,
    type: String,
    description: 'Where its year stands; null until the workflow has projected it',
  })
  stage!: string | null;
  @ApiProperty({ nullable: true, type: Number }) round!: number | null;
  @ApiProperty({ description: 'This is the row the request named' }) current!: boolean;
}

export class SchoolHistoryView {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) directorySchoolId!: string | null;
  @ApiProperty({
    type: [SchoolInCycleView],
    description: 'The same directory school in every cycle the caller may read, newest year first',
  })
  cycles!: SchoolInCycleView[];
}
