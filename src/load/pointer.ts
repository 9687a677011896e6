/**
 * Kept only for src/generate/operation-model.ts, which another branch is editing; the pointer helpers live in
 * ../json/pointer.ts. Delete this file once that import points there.
 */
export { escapeSegment, fragmentToPointer, joinPointer, parsePointer } from '../json/pointer.ts';
