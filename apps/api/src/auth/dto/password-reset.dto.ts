import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RU } from '../../common/russian-messages.util';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'coordinator@example.ru' })
  @IsEmail({}, { message: RU.email })
  @MaxLength(320, { message: RU.maxLength })
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the e-mail link' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(200, { message: RU.maxLength })
  token!: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(200, { message: RU.maxLength })
  password!: string;
}
