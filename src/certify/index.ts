/** The certify stage: profiles (data) → suite runs → requirement verdicts → certificate files. */
export { certify, writeCertificate, type CertifyOptions } from './certify.ts';
export { loadProfile, parseProfile, profileFile, type Profile, type Requirement } from './profile.ts';
export { evaluateRequirement, redactText, type RequirementVerdict } from './evaluate.ts';
export { certificateMarkdown, badgeSvg, type Certificate } from './render.ts';
