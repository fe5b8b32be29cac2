import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { RU } from '../../common/russian-messages.util';

/** ИНН (10 or 12 digits) or a ФИС ФРДО / ФИОКО code: digits, Latin letters and dashes. */
export const OFFICIAL_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z-]{2,39}$/;
/** A phone as people write it: digits with +, brackets, spaces, dashes, dots; an extension after «доб.». */
export const PHONE_PATTERN = /^\+?[\d\s().-]{5,25}(\s*(доб\.?|ext\.?)\s*\d{1,6})?$/;

const BOOLEAN = 'поле «$property» должно быть true или false';
const present = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined;

/** Only the fields sent change; null clears an optional field. */
export class UpdateDirectorySchoolDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'МБОУ «Средняя школа № 6»' })
  @ValidateIf(present('fullName'))
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300, example: 'СШ № 6' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  shortName?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    pattern: OFFICIAL_CODE_PATTERN.source,
    description: 'ИНН (10 or 12 digits) or the ФИС ФРДО / ФИОКО code; unique across the directory',
    example: '2454012345',
  })
  @IsOptional()
  @IsString({ message: RU.string })
  @Matches(OFFICIAL_CODE_PATTERN, {
    message:
      'поле «$property»: ИНН (10 или 12 цифр) или код ФИС ФРДО / ФИОКО — от 3 до 40 цифр, латинских букв и дефисов (получено «$value»)',
  })
  officialCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  director?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email', maxLength: 320 })
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  @MaxLength(320, { message: RU.maxLength })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(1000, { message: RU.maxLength })
  address?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the school to another municipality (within your scope)' })
  @ValidateIf(present('municipalityId'))
  @IsUUID('all', { message: RU.uuid })
  municipalityId?: string;

  @ApiPropertyOptional({ description: 'false deactivates the school (kept with its history), true restores it' })
  @ValidateIf(present('active'))
  @IsBoolean({ message: BOOLEAN })
  active?: boolean;
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ maxLength: 300, example: 'Смирнов Петр Ильич' })
  @ValidateIf(present('fullName'))
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  position?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'email',
    maxLength: 320,
    description: 'Unique across the directory',
  })
  @IsOptional()
  @IsEmail({}, { message: RU.email })
  @MaxLength(320, { message: RU.maxLength })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, pattern: PHONE_PATTERN.source, example: '+7 (39145) 5-12-34' })
  @IsOptional()
  @IsString({ message: RU.string })
  @Matches(PHONE_PATTERN, {
    message: 'поле «$property» должно быть номером телефона, например +7 (39145) 5-12-34 (получено «$value»)',
  })
  phone?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the person to another organisation (within your scope)' })
  @ValidateIf(present('organisationId'))
  @IsUUID('all', { message: RU.uuid })
  organisationId?: string;

  @ApiPropertyOptional({ description: "Gets the organisation's reminders unless an event names its own people" })
  @ValidateIf(present('isContact'))
  @IsBoolean({ message: BOOLEAN })
  isContact?: boolean;

  @ApiPropertyOptional({ description: 'false: left the organisation (kept, gets no reminders); true restores' })
  @ValidateIf(present('active'))
  @IsBoolean({ message: BOOLEAN })
  active?: boolean;
}
