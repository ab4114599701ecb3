package io.github.sodagql.core.codegen;

import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.OperationKind;

/** An operation as naming needs it: its id and kind. */
public record OperationRef(DefinitionId id, OperationKind kind) {}
