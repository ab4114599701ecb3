package io.github.sodagql.core.schema;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.TypeDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.EchoingWiringFactory;
import graphql.schema.idl.FastSchemaGenerator;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.discovery.TextDecoding;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.parse.NestingDepth;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import io.github.sodagql.core.stack.LargeStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the schema: one or more SDL files, merged, or one introspection JSON file (either the
 * {@code {"data":{"__schema":...}}} or the {@code {"__schema":...}} shape). Redefined introspection types
 * are dropped with a warning. Every problem is a located {@code SCHEMA_INVALID}; nothing throws.
 */
public final class SchemaLoader {
    private static final Pattern GRAPHQL_JAVA_POSITION = Pattern.compile("\\s*\\[@-?\\d+:-?\\d+]");
    private static final Pattern JSON_POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    private SchemaLoader() {}

    /** Finds the schema's files as {@code config} names them, and loads them. */
    public static SchemaLoadResult load(SodaGqlConfig config) {
        return load(SchemaSources.resolve(config), Optional.empty());
    }

    /**
     * Loads the schema from its files; when its content hash is {@code validatedBefore} (an earlier build loaded
     * exactly these files without error), graphql-java's schema validation, a third of the load, is skipped: it
     * could only say what it said then.
     */
    public static SchemaLoadResult load(SchemaSources sources, Optional<ContentHash> validatedBefore) {
        return onLargeStack(() -> {
            try {
                return loadHere(sources, validatedBefore, true);
            } catch (StackOverflowError e) {
                return SchemaLoadResult.failed(List.of(Diagnostic.global(DiagnosticCode.DEPTH_LIMIT,
                        "The schema is nested too deeply to be read, even on a " + (LargeStack.BYTES >> 20) + " MB stack.",
                        "Flatten the schema's nesting.")));
            }
        });
    }

    private static SchemaLoadResult loadHere(SchemaSources sources, Optional<ContentHash> validatedBefore,
            boolean mayRelist) {
        List<Diagnostic> diagnostics = new ArrayList<>(sources.problems());
        SortedSet<ProjectPath> files = sources.files();
        if (files.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return SchemaLoadResult.failed(diagnostics);
        }
        Map<ProjectPath, String> texts = new LinkedHashMap<>();
        StringBuilder hashInput = new StringBuilder();
        for (ProjectPath file : files) {
            try {
                byte[] bytes = sources.read(file);
                String text = TextDecoding.decode(bytes);
                TextDecoding.invalidUtf8(file, bytes, text).ifPresent(diagnostics::add);
                texts.put(file, text);
                hashInput.append(file).append('\0').append(ContentHash.of(bytes)).append('\n');
            } catch (IOException e) {
                if (e instanceof ClasspathSchemas.StaleListing && mayRelist) {
                    // Only a cache was wrong: the jars are listed again, once, and what they hold is loaded.
                    return loadHere(sources.relisted(), validatedBefore, false);
                }
                diagnostics.add(Diagnostic.at(DiagnosticCode.IO_ERROR, SourceLocation.startOf(file),
                        "Cannot read the schema: " + e.getMessage() + ".", "Check that the file exists and is readable."));
            }
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return SchemaLoadResult.failed(diagnostics);
        }
        List<ProjectPath> jsonFiles = files.stream().filter(f -> f.value().endsWith(".json")).toList();
        if (!jsonFiles.isEmpty() && files.size() > 1) {
            diagnostics.add(Diagnostic.global(DiagnosticCode.CONFIG_INVALID,
                    "Configuration 'schemaPaths' mixes an introspection JSON file with other schema files: " + files + ".",
                    "Use either SDL files or exactly one introspection .json file."));
            return SchemaLoadResult.failed(diagnostics);
        }
        Optional<TypeDefinitionRegistry> registry = jsonFiles.isEmpty()
                ? sdlRegistry(texts, diagnostics)
                : introspectionRegistry(jsonFiles.get(0), texts.get(jsonFiles.get(0)), diagnostics);
        if (registry.isEmpty()) {
            return SchemaLoadResult.failed(diagnostics);
        }
        ContentHash contentHash = ContentHash.of(hashInput.toString());
        try {
            // The schema generator copies the registry: it stays as parsed, for the caller to keep.
            GraphQLSchema schema = build(registry.get(), !validatedBefore.equals(Optional.of(contentHash)));
            return new SchemaLoadResult(Optional.of(new LoadedSchema(schema, contentHash, List.copyOf(files))), diagnostics,
                    registry);
        } catch (SchemaProblem problem) {
            for (GraphQLError error : problem.getErrors()) {
                addInvalid(diagnostics, locate(error, files.first(), texts), error.getMessage());
            }
        } catch (GraphQLException | IllegalStateException | IllegalArgumentException e) {
            // One problem per line (graphql-java's InvalidSchemaException lists them), each at its member if we can tell.
            String.valueOf(e.getMessage()).lines().forEach(line -> addInvalid(diagnostics,
                    SchemaErrorLocations.reservedName(line, texts).orElse(SourceLocation.startOf(files.first())), line));
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(files.first()));
        }
        return SchemaLoadResult.failed(diagnostics);
    }

    /**
     * graphql-java builds a schema's types recursively, one level per type reached through a field, so a chain of
     * a few thousand types would overflow a default 1 MB stack: loads always run on a large one.
     */
    private static <T> T onLargeStack(java.util.function.Supplier<T> load) {
        return LargeStack.call("soda-gql-schema", load);
    }

    private static Diagnostic tooDeep(ProjectPath file) {
        return Diagnostic.at(DiagnosticCode.DEPTH_LIMIT, SourceLocation.startOf(file),
                "The schema nests types too deeply to be built, even on a " + (LargeStack.BYTES >> 20) + " MB stack.",
                "Flatten the chain of types that refer to each other through fields.");
    }

    /**
     * The schema from definitions an earlier {@link #load} parsed and validated from files whose content hash
     * is {@code contentHash}: nothing is read, parsed or validated again, and the problems are that load's
     * (warnings only, since it loaded).
     */
    public static SchemaLoadResult fromParsed(TypeDefinitionRegistry parsed, ContentHash contentHash,
            List<ProjectPath> sources, List<Diagnostic> diagnostics) {
        return onLargeStack(() -> new SchemaLoadResult(
                Optional.of(new LoadedSchema(build(parsed, false), contentHash, sources)), diagnostics));
    }

    /**
     * A schema for validation only: every scalar echoes, nothing executes. graphql-java's FastSchemaGenerator
     * builds the same types as its standard generator in a fifth of the time and, unlike it, can skip
     * validation; every build uses it, so clean and incremental builds see one schema.
     */
    private static GraphQLSchema build(TypeDefinitionRegistry registry, boolean validate) {
        RuntimeWiring wiring = EchoingWiringFactory.newEchoingWiring(builder -> registry.scalars().keySet().stream()
                .filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                .sorted()
                .forEach(name -> builder.scalar(EchoingWiringFactory.fakeScalar(name))));
        return new FastSchemaGenerator().makeExecutableSchema(
                SchemaGenerator.Options.defaultOptions().withValidation(validate), registry, wiring);
    }

    @SuppressWarnings("rawtypes") // graphql-java's Document builder takes a raw List<Definition>
    private static Optional<TypeDefinitionRegistry> sdlRegistry(Map<ProjectPath, String> texts, List<Diagnostic> diagnostics) {
        TypeDefinitionRegistry merged = new TypeDefinitionRegistry();
        boolean failed = false;
        for (Map.Entry<ProjectPath, String> entry : texts.entrySet()) {
            ProjectPath file = entry.getKey();
            Optional<Diagnostic> nested = NestingDepth.checkBrackets(file, entry.getValue(), "schema");
            if (nested.isPresent()) {
                diagnostics.add(nested.get());
                failed = true;
                continue;
            }
            Document document;
            try {
                document = DocumentParser.parseDocument(entry.getValue(), file.value());
            } catch (InvalidSyntaxException e) {
                graphql.language.SourceLocation at = e.getLocation();
                SourceLocation location = at == null || at.getLine() < 1 ? SourceLocation.startOf(file)
                        : new SourceLocation(file, at.getLine(), Math.max(1, at.getColumn()));
                diagnostics.add(invalid(location, "Syntax error: unexpected '" + e.getOffendingToken() + "'"));
                failed = true;
                continue;
            }
            List<Definition> kept = new ArrayList<>();
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof TypeDefinition<?> type && type.getName().startsWith("__")) {
                    diagnostics.add(Diagnostic.at(DiagnosticCode.SCHEMA_INTROSPECTION_TYPE_DROPPED,
                            DocumentParser.locationOf(file, definition),
                            "The schema redefines introspection type '" + type.getName() + "'; the definition was dropped.",
                            "Remove it from the schema: GraphQL defines the introspection types itself."));
                } else {
                    kept.add(definition);
                }
            }
            try {
                merged.merge(new SchemaParser().buildRegistry(document.transform(d -> d.definitions(kept))));
            } catch (SchemaProblem problem) {
                for (GraphQLError error : problem.getErrors()) {
                    addInvalid(diagnostics, locate(error, file, texts), error.getMessage());
                }
                failed = true;
            }
        }
        return failed ? Optional.empty() : Optional.of(merged);
    }

    private static Optional<TypeDefinitionRegistry> introspectionRegistry(ProjectPath file, String text,
            List<Diagnostic> diagnostics) {
        Object json;
        try {
            json = new Gson().fromJson(text, Object.class);
        } catch (JsonParseException e) {
            Matcher at = JSON_POSITION.matcher(String.valueOf(e.getMessage()));
            SourceLocation location = at.find()
                    ? new SourceLocation(file, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)))
                    : SourceLocation.startOf(file);
            diagnostics.add(invalid(location, "The introspection file is not valid JSON"));
            return Optional.empty();
        }
        Map<String, Object> result = asMap(json).flatMap(root -> root.containsKey("data") ? asMap(root.get("data")) : Optional.of(root))
                .filter(root -> root.containsKey("__schema"))
                .orElse(null);
        if (result == null) {
            diagnostics.add(invalid(SourceLocation.startOf(file),
                    "The JSON file is not an introspection result: it has neither 'data.__schema' nor '__schema'"));
            return Optional.empty();
        }
        Optional<String> malformed = IntrospectionShape.problemOf(result.get("__schema"));
        if (malformed.isPresent()) {
            diagnostics.add(invalid(SourceLocation.startOf(file), "The introspection result is malformed: " + malformed.get()));
            return Optional.empty();
        }
        try {
            Document document = new IntrospectionResultToSchema().createSchemaDefinition(result);
            return Optional.of(new SchemaParser().buildRegistry(document));
        } catch (SchemaProblem problem) {
            problem.getErrors().forEach(error -> addInvalid(diagnostics, SourceLocation.startOf(file), error.getMessage()));
        } catch (GraphQLException | IllegalArgumentException | IllegalStateException e) {
            diagnostics.add(invalid(SourceLocation.startOf(file), "The introspection result cannot be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            // graphql-java reads the map with casts; the shape check above should leave nothing for them to hit.
            diagnostics.add(invalid(SourceLocation.startOf(file), "The introspection result has a shape graphql-java "
                    + "cannot read; compare it with the output of a standard introspection query"));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> asMap(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    /** Where a schema error is: graphql-java's location, refined to the member at fault where we can. */
    private static SourceLocation locate(GraphQLError error, ProjectPath fallback, Map<ProjectPath, String> texts) {
        Optional<SourceLocation> reserved = SchemaErrorLocations.reservedName(String.valueOf(error.getMessage()), texts);
        if (reserved.isPresent()) {
            return reserved.get();
        }
        SourceLocation location = SourceLocation.startOf(fallback);
        if (error.getLocations() != null) {
            for (graphql.language.SourceLocation at : error.getLocations()) {
                if (at != null && at.getLine() > 0) {
                    ProjectPath file = at.getSourceName() == null ? fallback : ProjectPath.parse(at.getSourceName());
                    location = new SourceLocation(file, at.getLine(), Math.max(1, at.getColumn()));
                    break;
                }
            }
        }
        String text = texts.get(location.file());
        return text == null ? location : SchemaErrorLocations.refine(location, String.valueOf(error.getMessage()), text);
    }

    /**
     * Adds one {@code SCHEMA_INVALID} per line of a graphql-java message: some messages list every problem
     * on its own line under a heading such as {@code invalid schema:}, and a diagnostic is one sentence.
     */
    private static void addInvalid(List<Diagnostic> diagnostics, SourceLocation location, String message) {
        String.valueOf(message).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.endsWith(":"))
                .distinct()
                .forEach(line -> diagnostics.add(invalid(location, line)));
    }

    private static Diagnostic invalid(SourceLocation location, String message) {
        String clean = GRAPHQL_JAVA_POSITION.matcher(message).replaceAll("").strip();
        return Diagnostic.at(DiagnosticCode.SCHEMA_INVALID, location, clean.endsWith(".") ? clean : clean + ".",
                "Fix the schema, or point 'schemaPaths' at a valid one; no document is validated until it loads.");
    }
}
