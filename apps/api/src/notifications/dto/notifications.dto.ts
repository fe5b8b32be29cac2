import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RU } from '../../common/russian-messages.util';
import { LinkView, MeView } from '../../auth/dto/me.view';
import { TEMPLATE_PREVIEW_IDS } from '@orientir/mail';

export const NOTIFICATION_MODES = ['digest', 'instant', 'off'] as const;

export class RedeemLinkDto {
  @ApiProperty({ description: 'The token of the one-click link (orm_…)', maxLength: 200 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(200, { message: RU.maxLength })
  token!: string;
}

export class LinkTokenQuery {
  @ApiProperty({ description: 'The token of the unsubscribe link from the letter (orm_…)', maxLength: 200 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(200, { message: RU.maxLength })
  token!: string;
}

export class SetPreferenceDto {
  @ApiProperty({
    enum: NOTIFICATION_MODES,
    description: 'digest: one letter a working day; instant: each item at once; off: only what is critical',
  })
  @IsIn(NOTIFICATION_MODES, { message: RU.enumOf(NOTIFICATION_MODES) })
  mode!: (typeof NOTIFICATION_MODES)[number];
}

export class LinkSessionView {
  @ApiProperty({ type: MeView }) user!: MeView;
  @ApiProperty({ type: LinkView }) link!: LinkView;
  @ApiProperty({ description: 'Send it as X-CSRF-Token on every write' }) csrfToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'The page of the item, e.g. /cycles/…/events/…' }) redirectTo!: string;
}

export class PreferenceView {
  @ApiProperty({ description: 'Whose preference it is' }) holderName!: string;
  @ApiProperty({ enum: NOTIFICATION_MODES }) mode!: (typeof NOTIFICATION_MODES)[number];
  @ApiProperty() message!: string;
}

export class OptedOutPersonView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({ enum: ['unsubscribe', 'page', 'coordinator'] }) changedVia!: 'unsubscribe' | 'page' | 'coordinator';
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class MailAttachmentView {
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() content!: string;
}

export class TemplatePreviewView {
  @ApiProperty({ enum: TEMPLATE_PREVIEW_IDS }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() when!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ type: [MailAttachmentView] }) attachments!: MailAttachmentView[];
}
