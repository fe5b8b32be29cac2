import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RU } from '../../common/russian-messages.util';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@example.ru' })
  @IsEmail({}, { message: RU.email })
  @MaxLength(320, { message: RU.maxLength })
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: RU.string })
  @IsNotEmpty({ message: RU.notEmpty })
  @MaxLength(200, { message: RU.maxLength })
  password!: string;
}
