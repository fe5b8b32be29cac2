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

export class MeView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [GrantView] }) grants!: GrantView[];
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
