import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ROLES, SCOPE_KINDS, type Role, type ScopeKind } from '@orientir/auth';
import { RU } from '../../common/russian-messages.util';

export class GrantDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: RU.enumOf(ROLES) })
  role!: Role;

  @ApiProperty({ enum: SCOPE_KINDS })
  @IsIn(SCOPE_KINDS, { message: RU.enumOf(SCOPE_KINDS) })
  scopeKind!: ScopeKind;

  @ApiPropertyOptional({
    example: 'г. Иркутск',
    maxLength: 300,
    description:
      "Empty for global; otherwise the directory id of the region, municipality, school (a cycle's school row id " +
      'stands for its directory school) or organisation, or an event id. A region or municipality may be given by ' +
      'name; it is stored as the directory id.',
  })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  scopeValue?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'curator@example.ru' })
  @IsEmail({}, { message: RU.email })
  @MaxLength(320, { message: RU.maxLength })
  email!: string;

  @ApiProperty({ example: 'Иванова Ирина Ивановна' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  displayName!: string;

  @ApiPropertyOptional({ format: 'password', description: 'Omit it and the person sets one through a reset link' })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(200, { message: RU.maxLength })
  password?: string;

  @ApiProperty({ type: [GrantDto] })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(200, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  grants!: GrantDto[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Иванова Ирина Ивановна' })
  @IsOptional()
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(300, { message: RU.maxLength })
  displayName?: string;

  @ApiProperty({ type: [GrantDto], description: 'The complete new set of grants; replaces the old one' })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(200, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  grants!: GrantDto[];
}
