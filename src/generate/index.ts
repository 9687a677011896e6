/**
 * The generate stage: JSON Schema → fast-check arbitraries, and Operation → serialized request Cases
 * (example, positive, negative, boundary), deterministic from one seed, shrinkable.
 */
export { compileSchema } from './schema.ts';
export { createContext, randomFromSeed, type CompileContext, type Charset } from './context.ts';
export {
  generate,
  generateCases,
  type GenerateOptions,
  type GenerationProblem,
  type GenerationResult,
} from './generate.ts';
export { shrinkCase, type ShrinkOptions } from './shrink.ts';
export { freshCase } from './fresh-case.ts';
export { coverageRounds } from './coverage.ts';
export { serializeParameter, percentEncode, type StyleOptions } from './serialize.ts';
export { requestModel, bodyKind, type RequestModel, type ParameterModel, type MediaModel } from './operation-model.ts';
export { specGeneration, type SpecGeneration } from './spec-context.ts';
