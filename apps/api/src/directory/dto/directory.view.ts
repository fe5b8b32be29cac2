import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { GrantView } from '../../auth/dto/me.view';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ORGANISATION_KINDS } from '@orientir/domain';
import { RU } from '../../common/russian-messages.util';
import { GrantDto } from '../../auth/dto/create-user.dto';
import { DirectoryImportOptionsDto, MATCH_KINDS, type MatchKind } from './directory-import.dto';

export class MunicipalityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class DirectorySchoolView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) municipalityId!: string | null;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) shortName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'ИНН or ФИС ФРДО / ФИОКО code' }) officialCode!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) director!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ description: 'false: deactivated (closed or merged), kept with its history' }) active!: boolean;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: a regional organisation' })
  municipalityId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: string;
  @ApiProperty({ type: [String], description: 'Other spellings that name it (merged by hand or confirmed)' })
  aliases!: string[];
}

export class PersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The account, when the person has one' })
  userId!: string | null;
  @ApiProperty({ enum: ['none', 'invited', 'active', 'deactivated'] }) account!:
    'none' | 'invited' | 'active' | 'deactivated';
  @ApiProperty({
    type: [GrantView],
    description: "The account's roles with the names of their scopes; empty without one",
  })
  grants!: GrantView[];
  @ApiProperty({ description: "Gets the organisation's reminders unless an event names its own people" })
  isContact!: boolean;
  @ApiProperty({ description: 'false: left the organisation; kept, gets no reminders' }) active!: boolean;
}

/** An executor that stands for the cycle's own people: its schools of some categories, or its curators. */
export class ExecutorGroupView {
  @ApiProperty({ enum: ['schools', 'curators'] }) kind!: 'schools' | 'curators';
  @ApiProperty({ example: 'школы цикла (ШНОР)', description: 'In Russian, for the coordinator' }) label!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'How many addresses get its reminders (contact people, school e-mails and school teams, or curators); null: not known before the launch',
  })
  recipients!: number | null;
}

/** `municipality`: where the roadmap applies; omitted: regional. */
export class ExecutorMatchesDto extends DirectoryImportOptionsDto {
  @ApiProperty({ type: [String], example: ['Отдел образования'] })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(500, { message: RU.arrayMax })
  @IsString({ each: true, message: RU.string })
  @MaxLength(500, { each: true, message: RU.maxLength })
  names!: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The cycle whose schools and curators the cycle groups among the names are counted over',
  })
  @IsOptional()
  @IsUUID('all', { message: RU.uuid })
  cycleId?: string;
}

export class ExecutorMatchView {
  @ApiProperty() name!: string;
  @ApiProperty({
    enum: ['exact', 'alias', 'fuzzy', 'none', 'group'],
    description: "group: the name stands for the cycle's schools or curators (see `group`), not an organisation",
  })
  match!: 'exact' | 'alias' | 'fuzzy' | 'none' | 'group';
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For a fuzzy match: the question to confirm, in Russian' })
  question!: string | null;
  @ApiProperty({
    enum: ['ok', 'no_addressee', 'unmatched'],
    description:
      'no_addressee («нет адресата»): nobody of the organisation has an e-mail, or the cycle group reaches nobody',
  })
  addressee!: 'ok' | 'no_addressee' | 'unmatched';
  @ApiProperty({
    type: ExecutorGroupView,
    nullable: true,
    description: "Set for a cycle group; recipients null: not known before the cycle's schools are",
  })
  group!: ExecutorGroupView | null;
}

export class SchoolMatchQuery {
  @ApiProperty({ example: 'МБОУ СОШ № 18 г. Иркутска', maxLength: 500 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  name!: string;

  @ApiPropertyOptional({ maxLength: 300, description: "Omitted: the request's municipality" })
  @IsOptional()
  @IsString({ message: RU.string })
  @MaxLength(300, { message: RU.maxLength })
  municipality?: string;
}

/** A cycle's schools as the launch page lists them; `municipality`: the cycle's (omitted: regional). */
export class SchoolMatchesDto extends DirectoryImportOptionsDto {
  @ApiProperty({ type: [SchoolMatchQuery], minItems: 1, maxItems: 5000 })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(5000, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => SchoolMatchQuery)
  schools!: SchoolMatchQuery[];
}

export class SchoolMatchView {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The municipality the school was looked up in' })
  municipality!: string | null;
  @ApiProperty({
    enum: MATCH_KINDS,
    description:
      'exact (name or code), alias (a spelling confirmed earlier), fuzzy (to confirm), none (new in the directory)',
  })
  match!: MatchKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) directorySchoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) directorySchoolName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For a fuzzy match: «"…" — это "…"?»' })
  question!: string | null;
}

export class AliasDto {
  @ApiProperty({ example: 'ДО', description: "Another spelling; resolves within the organisation's municipality" })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  alias!: string;
}

export class InvitePersonDto {
  @ApiProperty({ type: [GrantDto], description: 'Roles of the new account; scopes name directory entries' })
  @IsArray({ message: RU.array })
  @ArrayNotEmpty({ message: RU.arrayNotEmpty })
  @ArrayMaxSize(50, { message: RU.arrayMax })
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  grants!: GrantDto[];
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'When the set-password link stops working' }) expiresAt!: string;
}

export class EventAssigneesDto {
  @ApiProperty({
    type: [String],
    description: "Directory people who get this event's reminders; empty: the contact people",
  })
  @IsArray({ message: RU.array })
  @ArrayMaxSize(50, { message: RU.arrayMax })
  @IsUUID('all', { each: true, message: RU.uuid })
  personIds!: string[];
}

/** Links an executor name of a cycle (listed as unmatched) to a directory organisation. */
export class ExecutorLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: RU.uuid })
  cycleId!: string;

  @ApiProperty({ example: 'Отдел образования', maxLength: 500, description: 'As the roadmap names the executor' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(500, { message: RU.maxLength })
  name!: string;

  @ApiProperty({ format: 'uuid', description: "An organisation of the cycle's municipality, or a regional one" })
  @IsUUID('all', { message: RU.uuid })
  organisationId!: string;
}

export class ExecutorLinkView {
  @ApiProperty({ description: 'Events of the cycle whose executor now points at the organisation' }) events!: number;
  @ApiProperty({
    enum: ['added', 'exists'],
    description: 'The name became an alias of the organisation, or already was',
  })
  alias!: 'added' | 'exists';
}

/** A directory person as an event's addressee. */
export class AddresseePersonView {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "null: an address with no directory person (a school's own e-mail, a school team's account)",
  })
  id!: string | null;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: no e-mail, so no reminder reaches them' })
  email!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({ description: 'false: left the organisation; gets no reminders' }) active!: boolean;
}

export class ExecutorAddresseesView {
  @ApiProperty({ description: 'The executor as the event names it' }) name!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: not linked to the directory' })
  organisationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({
    type: [AddresseePersonView],
    description: "The organisation's active contact people, or whom the cycle group reaches",
  })
  contacts!: AddresseePersonView[];
  @ApiProperty({
    type: ExecutorGroupView,
    nullable: true,
    description: "Set when the name stands for the cycle's schools or curators, not an organisation",
  })
  group!: ExecutorGroupView | null;
  @ApiProperty({
    enum: ['ok', 'no_addressee', 'unmatched'],
    description: 'By default: no_addressee («нет адресата») when no contact person has an e-mail',
  })
  addressee!: 'ok' | 'no_addressee' | 'unmatched';
}

export class EventAddresseesView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({
    type: [AddresseePersonView],
    description: "The people the coordinator named for this event; empty: the executors' contact people",
  })
  assigned!: AddresseePersonView[];
  @ApiProperty({ type: [ExecutorAddresseesView] }) executors!: ExecutorAddresseesView[];
  @ApiProperty({
    type: [AddresseePersonView],
    description: 'Who gets the next reminder, by the rule the worker applies; empty: «нет адресата»',
  })
  recipients!: AddresseePersonView[];
}
