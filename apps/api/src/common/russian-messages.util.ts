// Russian messages for DTO validation: `$property` and `$value` are filled in by class-validator.
export const RU = {
  string: 'ошибка типа: поле «$property» должно быть строкой',
  notEmpty: 'поле «$property» не должно быть пустым',
  int: 'ошибка типа: поле «$property» должно быть целым числом',
  range: 'поле «$property» вне допустимого диапазона (получено $value)',
  isoDate: 'поле «$property» должно быть датой и временем в формате ISO 8601 (получено «$value»)',
  email: 'поле «$property» должно быть адресом электронной почты (получено «$value»)',
  /** For lists: class-validator does not fill $value per item. */
  emailEach: 'поле «$property» должно содержать только адреса электронной почты',
  array: 'ошибка типа: поле «$property» должно быть списком',
  arrayNotEmpty: 'список «$property» не должен быть пустым',
  arrayMax: 'список «$property» слишком длинный',
  enumOf: (values: readonly string[]) =>
    `поле «$property» должно быть одним из: ${values.join(', ')} (получено «$value»)`,
  timezone: 'поле «$property» должно быть часовым поясом IANA, например Asia/Irkutsk (получено «$value»)',
  maxLength: 'поле «$property» длиннее допустимого',
  uuid: 'поле «$property» должно быть идентификатором UUID (получено «$value»)',
} as const;
