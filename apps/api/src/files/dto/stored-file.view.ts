import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { RU } from '../../common/russian-messages.util';
import type { StoredFile } from '@orientir/files';

export class StoredFileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The name the file was uploaded with', example: 'Концепция развития.pdf' })
  name!: string;

  @ApiProperty({ description: 'Bytes', minimum: 1 })
  size!: number;

  @ApiProperty({ description: 'Detected from the bytes', example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  sha256!: string;

  @ApiProperty({ example: 'school' })
  ownerKind!: string;

  @ApiProperty({ format: 'uuid' })
  ownerId!: string;

  @ApiProperty({ type: String, nullable: true })
  purpose!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    enum: ['staged', 'committed'],
    description: 'staged: an evidence upload no record has taken yet; forgotten at expiresAt unless one does',
  })
  state!: 'staged' | 'committed';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ description: 'Where the bytes are: GET it (add ?disposition=inline to view in place)' })
  contentUrl!: string;
}

export function toStoredFileView(file: StoredFile): StoredFileView {
  return {
    id: file.id,
    name: file.originalName,
    size: file.size,
    contentType: file.contentType,
    sha256: file.sha256,
    ownerKind: file.ownerKind,
    ownerId: file.ownerId,
    purpose: file.purpose,
    uploadedBy: file.uploadedBy,
    createdAt: file.createdAt.toISOString(),
    state: file.state,
    expiresAt: file.expiresAt?.toISOString() ?? null,
    contentUrl: `/api/files/${file.id}/content`,
  };
}

/** A short machine word for what the upload is (e.g. `concept`, `anti_risk:3`); the school workflow reads it. */
export const PURPOSE = /^[a-z0-9_.:-]{1,100}$/;
const PURPOSE_MESSAGE = 'purpose: от 1 до 100 символов: латинские строчные буквы, цифры, «_», «.», «:», «-»';

export class UploadFileDto {
  @ApiPropertyOptional({ pattern: PURPOSE.source, maxLength: 100, example: 'concept' })
  @IsOptional()
  @Matches(PURPOSE, { message: PURPOSE_MESSAGE })
  purpose?: string;
}

export class ListFilesQueryDto {
  @ApiPropertyOptional({ pattern: PURPOSE.source, maxLength: 100 })
  @IsOptional()
  @Matches(PURPOSE, { message: PURPOSE_MESSAGE })
  purpose?: string;
}

export class DownloadQueryDto {
  @ApiPropertyOptional({ enum: ['attachment', 'inline'], default: 'attachment' })
  @IsOptional()
  @IsIn(['attachment', 'inline'], { message: RU.enumOf(['attachment', 'inline']) })
  disposition?: 'attachment' | 'inline';
}
