/**
 * The adapter for the validator under test: the Protocol contract (install, build, configure, launch, where metrics
 * and the committed sequence are) and our validator's implementation of it, which owns the whole launch plan of a
 * validator process (launcher, heap, JVM flags, class-data archive). Another codebase is another Protocol.
 */
package starfish.orchestrator.validator;
