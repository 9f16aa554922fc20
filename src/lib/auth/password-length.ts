/** The password's length limits: checked by the server, stated by the forms' hint. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
