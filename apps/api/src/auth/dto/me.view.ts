import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, SCOPE_KINDS } from '@orientir/auth';

export class GrantView {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ enum: SCOPE_KINDS }) scopeKind!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The directory id of the region, municipality, school or organisation (or an event id); null for global',
  })
  scopeValue!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The name of what the grant scopes, to show' })
  scopeLabel?: string | null;
}

/** A session opened by a one-click link: whose link it is and the one item it opens. */
export class LinkView {
  @ApiProperty({ enum: ['event', 'school'] }) purpose!: 'event' | 'school';
  @ApiProperty({ description: 'The person the link was mailed to' }) holderName!: string;
  @ApiProperty({ description: 'The item, e.g. «мероприятие № 7 «…»»' }) itemLabel!: string;
  @ApiProperty({ format: 'uuid' }) cycleId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class MeView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [GrantView] }) grants!: GrantView[];
  @ApiProperty({
    type: LinkView,
    nullable: true,
    required: false,
    description: 'Set when signed in by a one-click link',
  })
  link?: LinkView | null;
}

export class LoginView {
  @ApiProperty({ type: MeView }) user!: MeView;
  @ApiProperty({ description: 'Also in the orientir_csrf cookie; send it as X-CSRF-Token on every write' })
  csrfToken!: string;
  @ApiProperty() expiresAt!: string;
}

export class MessageView {
  @ApiProperty() message!: string;
}
