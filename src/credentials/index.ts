/** The one credential rule of specgate: what is a credential, where it came from, and how it is hidden. */
export { bookOf, REDACTED, SecretBook, type Source } from './book.ts';
export { redactBody } from './body.ts';
export { declaredNames } from './declared.ts';
export { isCredentialName, isSecretWordName } from './names.ts';
export { envWord, parseHeaderArg, readCredentials, schemeEnvName, type Credentials } from './read.ts';
export {
  findingRedactor,
  learnSecrets,
  redactCredentialValue,
  redactExchange,
  redactFindings,
  redactHeaders,
  redactQuery,
  scrubDeep,
} from './redact.ts';
export { isDistinctive, looksLikeCredential } from './shape.ts';
