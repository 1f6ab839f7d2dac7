/** The shortest password an account may have (forms say it, the schema checks it). */
export const MIN_PASSWORD_LENGTH = 10;
