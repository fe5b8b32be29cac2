import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RU } from '../../common/russian-messages.util';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'скрипт импорта' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(100, { message: RU.maxLength })
  name!: string;

  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt({ message: RU.int })
  @Min(1, { message: RU.range })
  @Max(365, { message: RU.range })
  expiresInDays?: number;
}

export class ApiTokenView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
}

export class IssuedApiTokenView extends ApiTokenView {
  @ApiProperty({ description: 'Shown once; send as `Authorization: Bearer <token>`' }) token!: string;
}
