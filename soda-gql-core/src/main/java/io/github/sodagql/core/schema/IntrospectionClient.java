package io.github.sodagql.core.schema;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.Directives;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.DefaultGraphqlTypeComparatorRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.StringReader;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Fetches a server's schema with the standard introspection query and saves it as SDL (types sorted by
 * name, each type's fields, arguments and values in the server's order) or, for a {@code .json} target, as
 * the introspection result. Same server schema, same bytes. The reply is parsed and built into a schema
 * before anything is written, and the file is replaced atomically and only when its bytes differ: a failed
 * download never leaves a broken or half-written schema. Every failure is a
 * {@link DiagnosticCode#SCHEMA_DOWNLOAD_FAILED} diagnostic; header values never appear in messages, and never
 * reach a server other than the endpoint: a redirect is reported, not followed. The whole download is bounded
 * in time (the timeout covers the reply's last byte) and in size.
 */
public final class IntrospectionClient {
    /** The most of a non-JSON reply that is quoted in a diagnostic. */
    private static final int QUOTED_REPLY = 200;

    /** The largest reply read unless the request says otherwise: a schema of 10,000 types is about 20 MB. */
    public static final long DEFAULT_MAX_REPLY_BYTES = 64L * 1024 * 1024;
    /** How deep a reply's JSON may nest; a real introspection result nests about 20 levels. */
    static final int MAX_JSON_NESTING = 255;

    /**
     * @param target where the schema goes, relative to the project; {@code .json} keeps the introspection result
     * @param timeout for the whole download: connecting, sending, and reading the reply to its last byte
     * @param maxReplyBytes the largest reply read; a larger one fails the download without being read to its end
     */
    public record Request(URI endpoint, Map<String, String> headers, Duration timeout, ProjectPath target, long maxReplyBytes) {
        public Request {
            Objects.requireNonNull(endpoint, "endpoint");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(target, "target");
            if (maxReplyBytes <= 0) {
                throw new IllegalArgumentException("maxReplyBytes must be positive, but is " + maxReplyBytes);
            }
        }

        public Request(URI endpoint, Map<String, String> headers, Duration timeout, ProjectPath target) {
            this(endpoint, headers, timeout, target, DEFAULT_MAX_REPLY_BYTES);
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
        try {
            Optional<String> problem = problemOf(request);
            if (problem.isPresent()) {
                throw new Failed(problem.get(), "Set 'endpoint' to the server's GraphQL URL, such as https://api.example.com/graphql.");
            }
            Reply reply = fetch(request);
            Map<String, Object> data = introspectionData(reply);
            GraphQLSchema schema = schemaOf(reply, data);
            byte[] bytes = request.wantsJson() ? json(data) : sdl(schema);
            WriteReport written = new OutputWriter(projectDirectory).write(List.of(new OutputFile(request.target(), bytes)));
            int types = (int) schema.getAllTypesAsList().stream().filter(type -> !type.getName().startsWith("__")).count();
            return new Result(written.failures(), request.target(), !written.written().isEmpty(), types);
        } catch (Failed failed) {
            return new Result(List.of(Diagnostic.global(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, failed.getMessage() + ".",
                    failed.hint)), request.target(), false, 0);
        }
    }

    /** A reply as it arrived: its status, where it redirects to, if anywhere, and its body. */
    private record Reply(URI endpoint, int code, Optional<String> location, String body) {
        String status() {
            return "HTTP " + code + " from " + endpoint;
        }

        boolean ok() {
            return code / 100 == 2;
        }
    }

    /** Why a download failed, in the user's terms, and what to do about it. */
    private static final class Failed extends Exception {
        private final String hint;

        Failed(String what, String hint) {
            super(what, null, false, false);
            this.hint = hint;
        }
    }

    /**
     * Sends the query and reads the whole reply within {@code timeout}, connecting included: a server that
     * drips its reply a byte at a time cannot hold the build past that deadline. The body is read up to
     * {@code maxReplyBytes}. Redirects are not followed, so the headers (credentials, often) reach no server
     * but {@code endpoint}.
     */
    private static Reply fetch(Request request) throws Failed {
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
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(http.build(), info -> {
            BoundedBody bounded = new BoundedBody(request.maxReplyBytes(),
                    info.headers().firstValueAsLong("Content-Length").orElse(-1));
            reading.set(bounded);
            return bounded;
        });
        String endpoint = request.endpoint().toString();
        try {
            HttpResponse<byte[]> response = sent.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return new Reply(request.endpoint(), response.statusCode(), response.headers().firstValue("Location"),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            sent.cancel(true);
            BoundedBody bounded = reading.get();
            if (bounded == null) {
                throw new Failed("No reply from " + endpoint + " within " + shown(request.timeout()),
                        "Check that the server is up, or raise 'timeout'.");
            }
            bounded.cancel();
            throw new Failed("The reply from " + endpoint + " did not finish within " + shown(request.timeout()) + " ("
                    + bounded.received() + " bytes arrived)", "The server sends its reply too slowly; try again, or raise 'timeout'.");
        } catch (ExecutionException e) {
            throw failedBecause(request, e.getCause());
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted while waiting for " + endpoint, "Run the goal again.");
        }
    }

    private static Failed failedBecause(Request request, Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof BoundedBody.TooLarge) {
                return new Failed("The reply from " + request.endpoint() + " is larger than "
                        + megabytes(request.maxReplyBytes()) + ", soda-gql's limit for a schema",
                        "Check that 'endpoint' is the GraphQL endpoint; if the schema really is that large, raise 'maxReplyMegabytes'.");
            }
        }
        if (cause instanceof HttpTimeoutException) {
            return new Failed("No reply from " + request.endpoint() + " within " + shown(request.timeout()),
                    "Check that the server is up, or raise 'timeout'.");
        }
        if (cause instanceof IOException io) {
            return new Failed("Cannot reach " + request.endpoint() + ": " + describe(io),
                    "Check the URL, the network and any proxy settings.");
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    /** The reply's {@code data}, once it is a successful reply whose {@code data.__schema} is an object. */
    private static Map<String, Object> introspectionData(Reply reply) throws Failed {
        if (reply.code() / 100 == 3) {
            String where = reply.location().map(location -> "redirects to " + location).orElse("redirects without a Location");
            throw new Failed(reply.status() + " " + where + "; soda-gql follows no redirect, so that the headers never "
                    + "reach another server", reply.location().map(location -> "If you trust " + location
                    + ", set 'endpoint' to it.").orElse("Check the 'endpoint' URL."));
        }
        Object json;
        try {
            json = parseJson(reply.body());
        } catch (Failed notJson) {
            if (!reply.ok()) {
                throw new Failed(reply.status() + ": " + quote(reply.body()), httpHint(reply.code()));
            }
            throw notJson.getMessage().isEmpty()
                    ? new Failed(reply.status() + " is not a JSON object: " + quote(reply.body()),
                            "Check that 'endpoint' is the GraphQL endpoint itself, not a page or a GraphiQL UI.")
                    : new Failed(reply.status() + " " + notJson.getMessage(), notJson.hint);
        }
        Optional<Map<String, Object>> object = map(json);
        Object errors = object.map(root -> root.get("errors")).orElse(null);
        if (errors instanceof List<?> list && !list.isEmpty()) {
            throw new Failed(reply.status() + " reports GraphQL errors: " + errorMessages(list), reply.ok()
                    ? "If introspection is disabled on this server, ask for an SDL file or enable it for your client."
                    : httpHint(reply.code()));
        }
        if (!reply.ok()) {
            throw new Failed(reply.status() + ": " + quote(reply.body()), httpHint(reply.code()));
        }
        if (object.isEmpty()) {
            throw new Failed(reply.status() + " is " + kindOf(json) + ", not a JSON object: " + quote(reply.body()),
                    "Check that 'endpoint' is the GraphQL endpoint itself.");
        }
        String introspectionHint = "Check that 'endpoint' is a GraphQL endpoint that allows introspection.";
        Object data = object.get().get("data");
        if (data == null) {
            throw new Failed(reply.status() + " holds no 'data': " + quote(reply.body()), introspectionHint);
        }
        if (map(data).isEmpty()) {
            throw new Failed(reply.status() + ": 'data' is " + kindOf(data) + ", not an object", introspectionHint);
        }
        Object schema = map(data).get().get("__schema");
        if (schema == null) {
            throw new Failed(reply.status() + " holds no 'data.__schema': " + quote(reply.body()), introspectionHint);
        }
        if (map(schema).isEmpty()) {
            throw new Failed(reply.status() + ": 'data.__schema' is " + kindOf(schema) + ", not an object", introspectionHint);
        }
        return map(data).get();
    }

    private static GraphQLSchema schemaOf(Reply reply, Map<String, Object> data) throws Failed {
        String hint = "Check that the server implements GraphQL introspection as the specification defines it.";
        Optional<String> malformed = IntrospectionShape.problemOf(data.get("__schema"));
        if (malformed.isPresent()) {
            throw new Failed(reply.status() + " is not a valid introspection result: " + malformed.get(), hint);
        }
        try {
            Document document = new IntrospectionResultToSchema().createSchemaDefinition(data);
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));
        } catch (SchemaProblem problem) {
            throw new Failed(reply.status() + " is not a valid schema: " + problem.getErrors().stream()
                    .map(GraphQLError::getMessage).collect(Collectors.joining("; ")), hint);
        } catch (GraphQLException | IllegalArgumentException | IllegalStateException e) {
            throw new Failed(reply.status() + " is not a valid introspection result: " + describe(e), hint);
        } catch (RuntimeException e) {
            // graphql-java reads the map with casts; the shape check above should leave nothing for them to hit.
            throw new Failed(reply.status() + " has a shape graphql-java cannot read; compare it with the output of a "
                    + "standard introspection query", hint);
        }
    }

    /**
     * The reply as JSON, nested at most {@link #MAX_JSON_NESTING} deep (real introspection results nest about
     * 20). Failing, the message is empty when the text is not JSON at all, and says what is wrong otherwise.
     */
    private static Object parseJson(String text) throws Failed {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setNestingLimit(MAX_JSON_NESTING);
        try {
            Object value = new Gson().getAdapter(Object.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Failed("", "");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).startsWith("Nesting limit")) {
                throw new Failed("nests deeper than " + MAX_JSON_NESTING + " levels of JSON, soda-gql's limit for a reply",
                        "Check that 'endpoint' is a GraphQL endpoint; an introspection result nests about 20 levels.");
            }
            throw new Failed("", "");
        }
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

    private static String kindOf(Object json) {
        if (json instanceof List<?>) {
            return "an array";
        }
        if (json instanceof Map<?, ?>) {
            return "an object";
        }
        if (json instanceof String) {
            return "a string";
        }
        if (json instanceof Number) {
            return "a number";
        }
        return json instanceof Boolean ? "a boolean" : "null";
    }

    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
