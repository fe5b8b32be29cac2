import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorEmail!: string | null;
  @ApiProperty({ example: 'cycle.launch' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) targetType!: string | null;
  @ApiProperty({ nullable: true, type: String }) targetId!: string | null;
  @ApiProperty({ nullable: true, type: String }) municipality!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ enum: ['success', 'denied', 'failure'] }) outcome!: string;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
}

export class AuditPage {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
}
