package io.github.sodagql.core.schema;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import graphql.Directives;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.DefaultGraphqlTypeComparatorRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fetches a server's schema with the standard introspection query and saves it as SDL (types sorted by
 * name, each type's fields, arguments and values in the server's order) or, for a {@code .json} target, as
 * the introspection result. Same server schema, same bytes. The reply is parsed and built into a schema
 * before anything is written, and the file is replaced atomically and only when its bytes differ: a failed
 * download never leaves a broken or half-written schema. Every failure is a
 * {@link DiagnosticCode#SCHEMA_DOWNLOAD_FAILED} diagnostic; header values never appear in messages.
 */
public final class IntrospectionClient {
    /** The most of a non-JSON reply that is quoted in a diagnostic. */
    private static final int QUOTED_REPLY = 200;

    /**
     * @param target where the schema goes, relative to the project; {@code .json} keeps the introspection result
     * @param timeout for connecting and, again, for the whole reply
     */
    public record Request(URI endpoint, Map<String, String> headers, Duration timeout, ProjectPath target) {
        public Request {
            Objects.requireNonNull(endpoint, "endpoint");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(target, "target");
        }

        boolean wantsJson() {
            return target.value().endsWith(".json");
        }
    }

    /** What a download did: the file, whether its bytes changed, and the problems (then nothing was written). */
    public record Result(List<Diagnostic> diagnostics, ProjectPath target, boolean changed, int types) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private final Path projectDirectory;

    public IntrospectionClient(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    public Result download(Request request) {
        Optional<String> problem = problemOf(request);
        if (problem.isPresent()) {
            return failure(request, problem.get(), "Set 'endpoint' to the server's GraphQL URL, such as https://api.example.com/graphql.");
        }
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (HttpTimeoutException e) {
            return failure(request, "No reply from " + request.endpoint() + " within " + request.timeout().toSeconds()
                    + " s", "Check that the server is up, or raise 'timeout'.");
        } catch (IOException e) {
            return failure(request, "Cannot reach " + request.endpoint() + ": " + describe(e),
                    "Check the URL, the network and any proxy settings.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(request, "Interrupted while waiting for " + request.endpoint(), "Run the goal again.");
        }
        Optional<Map<String, Object>> reply = jsonObject(response.body());
        String status = "HTTP " + response.statusCode() + " from " + request.endpoint();
        boolean ok = response.statusCode() / 100 == 2;
        Object errors = reply.map(json -> json.get("errors")).orElse(null);
        if (errors instanceof List<?> list && !list.isEmpty()) {
            return failure(request, status + " reports GraphQL errors: " + errorMessages(list), ok
                    ? "If introspection is disabled on this server, ask for an SDL file or enable it for your client."
                    : httpHint(response.statusCode()));
        }
        if (!ok) {
            return failure(request, status + ": " + quote(response.body()), httpHint(response.statusCode()));
        }
        if (reply.isEmpty()) {
            return failure(request, status + " is not a JSON object: " + quote(response.body()),
                    "Check that 'endpoint' is the GraphQL endpoint itself, not a page or a GraphiQL UI.");
        }
        Optional<Map<String, Object>> data = map(reply.get().get("data"));
        if (data.isEmpty() || map(data.get().get("__schema")).isEmpty()) {
            return failure(request, status + " holds no 'data.__schema': " + quote(response.body()),
                    "Check that 'endpoint' is a GraphQL endpoint that allows introspection.");
        }
        GraphQLSchema schema;
        try {
            Document document = new IntrospectionResultToSchema().createSchemaDefinition(data.get());
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));
        } catch (RuntimeException e) {
            // graphql-java reads the introspection map with casts; a malformed reply fails with whatever it hit.
            return failure(request, status + " is not a valid introspection result: " + describe(e),
                    "Check that the server implements GraphQL introspection as the specification defines it.");
        }
        byte[] bytes = request.wantsJson() ? json(data.get()) : sdl(schema);
        WriteReport written = new OutputWriter(projectDirectory).write(List.of(new OutputFile(request.target(), bytes)));
        int types = (int) schema.getAllTypesAsList().stream().filter(type -> !type.getName().startsWith("__")).count();
        return new Result(written.failures(), request.target(), !written.written().isEmpty(), types);
    }

    /**
     * The schema as SDL: types and directives sorted by name (graphql-java's printer does that), members as
     * the server declares them, because generated input records and enums follow that order.
     */
    static byte[] sdl(GraphQLSchema schema) {
        SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeDirectiveDefinitions(true)
                // The server lists the spec's own directives too; every GraphQL tool defines those itself.
                .includeDirectiveDefinition(name -> !Directives.isBuiltInDirective(name))
                .includeSchemaDefinition(false)
                .setComparators(DefaultGraphqlTypeComparatorRegistry.AS_IS_REGISTRY));
        String text = printer.print(schema).replace("\r\n", "\n").stripTrailing();
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("data", data);
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
        return (gson.toJson(envelope) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(Request request) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("query", IntrospectionQuery.INTROSPECTION_QUERY);
        body.put("operationName", "IntrospectionQuery");
        HttpRequest.Builder http = HttpRequest.newBuilder(request.endpoint())
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new Gson().toJson(body), StandardCharsets.UTF_8));
        request.headers().forEach(http::header);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(request.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return client.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Optional<String> problemOf(Request request) {
        String scheme = request.endpoint().getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || request.endpoint().getHost() == null) {
            return Optional.of("'" + request.endpoint() + "' is not an http or https URL");
        }
        for (String name : request.headers().keySet()) {
            if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                return Optional.of("Header name '" + name + "' is not a valid HTTP header name");
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, Object>> jsonObject(String text) {
        try {
            return map(new Gson().fromJson(text, Object.class));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> map(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    private static String errorMessages(List<?> errors) {
        return errors.stream()
                .map(error -> map(error).map(e -> String.valueOf(e.get("message"))).orElse(String.valueOf(error)))
                .collect(Collectors.joining("; "));
    }

    private static String httpHint(int status) {
        return switch (status) {
            case 401, 403 -> "Check the credentials in 'headers' (for example an Authorization header).";
            case 404 -> "Check the 'endpoint' URL.";
            case 405 -> "The server refuses POST at this URL; check the 'endpoint' URL.";
            default -> status / 100 == 5 ? "The server failed; try again later or ask its owners."
                    : "Check the 'endpoint' URL and 'headers'.";
        };
    }

    private static String quote(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "(an empty body)";
        }
        return "'" + (oneLine.length() > QUOTED_REPLY ? oneLine.substring(0, QUOTED_REPLY) + "…" : oneLine) + "'";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Result failure(Request request, String what, String hint) {
        return new Result(List.of(Diagnostic.global(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, what + ".", hint)),
                request.target(), false, 0);
    }
}
