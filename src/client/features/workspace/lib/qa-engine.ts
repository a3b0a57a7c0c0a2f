// The automatic checks as the workspace runs them, in a chunk of their own: loaded after the document's
// first paint (use-qa-engine.ts), so the first editable cell does not wait for them (issue #10).
export { checkSegment, documentContext, updateContext, type QaContext } from '../../../../shared/qa/engine';
export { compileGlossary, sourceTermSpans } from '../../../../shared/qa/terms';
export { profileFor } from '../../../../shared/qa/lang-profile';
export { snowballProvided } from '../../../../shared/qa/stemmers';
