package io.github.sodagql.core.parse;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.github.sodagql.core.source.ProjectPath;

/**
 * Where the syntax trees of definitions come from. The graph works without them; composition,
 * validation and code generation ask for the trees of exactly the definitions they work on, so a build
 * that reuses earlier results parses only what it needs.
 */
public interface DefinitionNodes {

    OperationDefinition operation(ProjectPath file, String name);

    FragmentDefinition fragment(ProjectPath file, String name);
}
