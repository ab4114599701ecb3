package io.github.sodagql.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from a local HTTP server that serves a graphql-java engine over large-app's schema (the
 * round-trip fixtures' richest), and from servers that fail in each way a real one can.
 */
class IntrospectionClientTest {
    private static final String DOCUMENTS = "src/main/graphql";
    private static final ProjectPath SDL = ProjectPath.parse(DOCUMENTS + "/schema.graphqls");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temporary;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", handler);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A GraphQL server over the fixture's schema; it answers 401 unless the request carries {@code requiredHeader}. */
    private static HttpHandler engine(Path schemaFile, Map<String, String> requiredHeaders) {
        GraphQLSchema schema;
        try {
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schemaFile.toFile()));
        } catch (RuntimeException e) {
            throw new AssertionError(e);
        }
        GraphQL graphQL = GraphQL.newGraphQL(schema).build();
        return exchange -> {
            for (Map.Entry<String, String> header : requiredHeaders.entrySet()) {
                if (!header.getValue().equals(exchange.getRequestHeaders().getFirst(header.getKey()))) {
                    reply(exchange, 401, "text/plain", "missing credentials");
                    return;
                }
            }
            Map<?, ?> request = new Gson().fromJson(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), Map.class);
            Map<String, Object> result = graphQL.execute((String) request.get("query")).toSpecification();
            reply(exchange, 200, "application/json", new Gson().toJson(result));
        };
    }

    private static Path fixtureSchema() {
        return TestProject.fixture("large-app").resolve("schema.graphqls");
    }

    /** A project with large-app's documents and, unless {@code withSchema} is false, its schema. */
    private Path project(String name, boolean withSchema) throws IOException {
        Path project = temporary.resolve(name);
        Path source = TestProject.fixture("large-app");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!withSchema && file.getFileName().toString().endsWith(".graphqls")) {
                    continue;
                }
                Path target = project.resolve(DOCUMENTS).resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return project;
    }

    private static IntrospectionClient.Result download(Path project, URI endpoint, Map<String, String> headers,
            ProjectPath target, Duration timeout) {
        return new IntrospectionClient(project).download(new IntrospectionClient.Request(endpoint, headers, timeout, target));
    }

    private static BuildResult build(Path project, String... schemaPaths) {
        SodaGqlConfig.Builder config = SodaGqlConfig.builder(project.toAbsolutePath()).javaPackage("com.example.large")
                .scalar(new ScalarMapping("DateTime", "java.time.OffsetDateTime", java.util.Optional.empty()));
        List.of(schemaPaths).forEach(config::schemaPath);
        return new BuilderSession(config.build()).buildInitial();
    }

    private static Map<String, String> generated(Path project) {
        Path root = project.resolve("target/generated-sources/soda-gql");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static DiagnosticCode onlyCode(IntrospectionClient.Result result) {
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        return result.diagnostics().get(0).code();
    }

    @Test
    void downloadedSdlBuildsTheSameCodeAsTheOriginalSchema() throws IOException {
        Path original = project("original", true);
        Path downloaded = project("downloaded", false);
        URI endpoint = serve(engine(fixtureSchema(), Map.of()));

        IntrospectionClient.Result result = download(downloaded, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.changed());
        BuildResult fromOriginal = build(original);
        BuildResult fromDownload = build(downloaded);
        assertEquals(List.of(), fromOriginal.diagnostics());
        assertEquals(List.of(), fromDownload.diagnostics());
        Map<String, String> expected = generated(original);
        Map<String, String> actual = generated(downloaded);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, text) -> assertEquals(text, actual.get(path), path));
        assertEquals(fromOriginal.artifact().orElseThrow().operations(), fromDownload.artifact().orElseThrow().operations());
    }

    @Test
    void theSameSchemaDownloadedAgainLeavesTheFileUntouched() throws IOException {
        Path project = project("again", false);
        URI endpoint = serve(engine(fixtureSchema(), Map.of()));
        download(project, endpoint, Map.of(), SDL, TIMEOUT);
        Path file = SDL.resolveAgainst(project);
        byte[] first = Files.readAllBytes(file);

        IntrospectionClient.Result again = download(project, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(List.of(), again.diagnostics());
        assertFalse(again.changed());
        assertEquals(new String(first, StandardCharsets.UTF_8), Files.readString(file));
    }

    @Test
    void sdlListsTypesSortedByName() throws IOException {
        Path project = project("sorted", false);
        download(project, serve(engine(fixtureSchema(), Map.of())), Map.of(), SDL, TIMEOUT);

        List<String> names = Files.readAllLines(SDL.resolveAgainst(project)).stream()
                .filter(line -> line.matches("^(type|input|enum|interface|union|scalar) \\w+.*"))
                .map(line -> line.split("[ ({]")[1])
                .toList();

        assertTrue(names.size() > 10, names.toString());
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void jsonTargetKeepsTheIntrospectionResultWhichTheBuildReads() throws IOException {
        Path project = project("json", false);
        ProjectPath json = ProjectPath.parse("schema/introspection.json");

        IntrospectionClient.Result result = download(project, serve(engine(fixtureSchema(), Map.of())), Map.of(), json, TIMEOUT);

        assertEquals(List.of(), result.diagnostics());
        assertTrue(Files.readString(json.resolveAgainst(project)).startsWith("{\n  \"data\": {\n    \"__schema\""));
        assertEquals(List.of(), build(project, json.value()).diagnostics());
    }

    @Test
    void headersAreSent() throws IOException {
        Path project = project("headers", false);
        URI endpoint = serve(engine(fixtureSchema(), Map.of("Authorization", "Bearer s3cret")));

        IntrospectionClient.Result result = download(project, endpoint, Map.of("Authorization", "Bearer s3cret"), SDL, TIMEOUT);

        assertEquals(List.of(), result.diagnostics());
        assertTrue(Files.isRegularFile(SDL.resolveAgainst(project)));
    }

    @Test
    void anHttpFailureIsReportedWithoutTheHeaderValuesAndKeepsTheOldSchema() throws IOException {
        Path project = project("unauthorized", true);
        byte[] before = Files.readAllBytes(SDL.resolveAgainst(project));
        URI endpoint = serve(engine(fixtureSchema(), Map.of("Authorization", "Bearer s3cret")));

        IntrospectionClient.Result result = download(project, endpoint, Map.of("Authorization", "Bearer wrong"), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        Diagnostic problem = result.diagnostics().get(0);
        assertTrue(problem.message().contains("HTTP 401"), problem.message());
        assertTrue(problem.hint().contains("credentials"), problem.hint());
        assertFalse(problem.format().contains("wrong"), problem.format());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(SDL.resolveAgainst(project)));
    }

    @Test
    void aReplyThatIsNotJsonIsReportedAndKeepsTheOldSchema() throws IOException {
        Path project = project("html", true);
        byte[] before = Files.readAllBytes(SDL.resolveAgainst(project));
        URI endpoint = serve(exchange -> reply(exchange, 200, "text/html", "<html><body>GraphiQL</body></html>"));

        IntrospectionClient.Result result = download(project, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().contains("is not a JSON object: '<html><body>GraphiQL"),
                result.diagnostics().get(0).message());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(SDL.resolveAgainst(project)));
    }

    @Test
    void graphqlErrorsAreReportedWithTheirMessages() throws IOException {
        Path project = project("errors", false);
        URI endpoint = serve(exchange -> reply(exchange, 200, "application/json",
                "{\"errors\":[{\"message\":\"Introspection is disabled\"}],\"data\":null}"));

        IntrospectionClient.Result result = download(project, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().contains("Introspection is disabled"));
        assertFalse(Files.exists(SDL.resolveAgainst(project)));
    }

    @Test
    void aMalformedIntrospectionResultIsReportedAndNothingIsWritten() throws IOException {
        Path project = project("malformed", false);
        URI endpoint = serve(exchange -> reply(exchange, 200, "application/json",
                "{\"data\":{\"__schema\":{\"queryType\":{\"name\":\"Query\"},\"types\":\"nope\"}}}"));

        IntrospectionClient.Result result = download(project, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertFalse(Files.exists(SDL.resolveAgainst(project)));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() throws IOException {
        Path project = project("slow", false);
        URI endpoint = serve(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        IntrospectionClient.Result result = download(project, endpoint, Map.of(), SDL, Duration.ofMillis(300));

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().startsWith("No reply from "), result.diagnostics().get(0).message());
    }

    @Test
    void aClosedPortIsReportedAsUnreachable() throws IOException {
        Path project = project("closed", false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        IntrospectionClient.Result result = download(project, URI.create("http://127.0.0.1:" + port + "/graphql"),
                Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().startsWith("Cannot reach "), result.diagnostics().get(0).message());
    }

    @Test
    void anEndpointThatIsNotHttpIsReportedBeforeAnyRequest() {
        IntrospectionClient.Result result = download(temporary, URI.create("file:///etc/passwd"), Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
    }

    @Test
    void aRedirectIsNotFollowedSoTheHeadersNeverReachAnotherServer() throws IOException {
        Path project = project("redirect", false);
        List<String> reachedElsewhere = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            reachedElsewhere.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            reply(exchange, 200, "application/json", "{}");
        });
        elsewhere.start();
        try {
            String location = "http://localhost:" + elsewhere.getAddress().getPort() + "/collect";
            URI endpoint = serve(exchange -> {
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(307, -1);
                exchange.close();
            });

            IntrospectionClient.Result result = download(project, endpoint, Map.of("Authorization", "Bearer s3cret"), SDL, TIMEOUT);

            assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
            Diagnostic problem = result.diagnostics().get(0);
            assertTrue(problem.message().contains("HTTP 307 from " + endpoint + " redirects to " + location), problem.message());
            assertFalse(problem.message().contains("empty body"), problem.message());
            assertTrue(problem.hint().contains("'endpoint'"), problem.hint());
            assertEquals(List.of(), reachedElsewhere);
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aReplyThatDripsSlowerThanTheTimeoutFailsAtTheDeadline() throws IOException {
        Path project = project("drip", false);
        URI endpoint = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try {
                // One space of valid JSON every 100 ms, for up to 60 s: each read succeeds, the whole never ends.
                for (int i = 0; i < 600 && release.getCount() > 0; i++) {
                    exchange.getResponseBody().write(' ');
                    exchange.getResponseBody().flush();
                    release.await(100, TimeUnit.MILLISECONDS);
                }
            } catch (IOException | InterruptedException e) {
                // The client hung up, as it should.
            }
            exchange.close();
        });

        IntrospectionClient.Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> download(project, endpoint, Map.of(), SDL, Duration.ofSeconds(1)));

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().startsWith("The reply from " + endpoint + " did not finish within 1 s"),
                result.diagnostics().get(0).message());
    }

    @Test
    void aReplyLargerThanTheLimitIsRefusedWithoutReadingItAll() throws IOException {
        Path project = project("huge", false);
        int[] written = {0};
        URI endpoint = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            try {
                // 64 MB unless the client hangs up first.
                for (int i = 0; i < 1024; i++) {
                    exchange.getResponseBody().write(chunk);
                    written[0] += chunk.length;
                }
            } catch (IOException e) {
                // The client hung up, as it should.
            }
            exchange.close();
        });

        IntrospectionClient.Result result = new IntrospectionClient(project).download(
                new IntrospectionClient.Request(endpoint, Map.of(), TIMEOUT, SDL, 1024 * 1024));

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().contains("is larger than 1 MB"), result.diagnostics().get(0).message());
        assertTrue(result.diagnostics().get(0).hint().contains("maxReplyMegabytes"), result.diagnostics().get(0).hint());
    }

    @Test
    void aReplyAnnouncedLargerThanTheLimitIsRefusedBeforeItsBody() throws IOException {
        Path project = project("announced", false);
        URI endpoint = serve(exchange -> reply(exchange, 200, "application/json", " ".repeat(2 * 1024 * 1024) + "{}"));

        IntrospectionClient.Result result = new IntrospectionClient(project).download(
                new IntrospectionClient.Request(endpoint, Map.of(), TIMEOUT, SDL, 1024 * 1024));

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        assertTrue(result.diagnostics().get(0).message().contains("is larger than 1 MB"), result.diagnostics().get(0).message());
    }

    /** Replies that are JSON but not an introspection result, each told in the user's terms. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"data\": []}|'data' is an array, not an object",
            "[]|is an array, not a JSON object",
            "42|is a number, not a JSON object",
            "{\"data\": {\"__schema\": []}}|'data.__schema' is an array, not an object",
            "{\"data\": {\"__schema\": {\"queryType\": {\"name\": \"Query\"}, \"types\": [1]}}}|__schema.types[0]: expected an object, found a number",
            "{\"errors\": \"nope\"}|holds no 'data'",
            "{\"data\": {\"__schema\": {}}, \"errors\": [42]}|reports GraphQL errors: 42",
    })
    void oddJsonIsDescribedWithoutInternals(String body, String expected) throws IOException {
        Path project = project("odd", false);
        URI endpoint = serve(exchange -> reply(exchange, 200, "application/json", body));

        IntrospectionClient.Result result = download(project, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        String message = result.diagnostics().get(0).message();
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("Exception") || message.contains("java.") || message.contains("should never"), message);
    }

    @Test
    void jsonNestedPastTheLimitNamesTheLimit() throws IOException {
        Path project = project("deep", false);
        URI endpoint = serve(exchange -> reply(exchange, 200, "application/json",
                "{\"data\": " + "[".repeat(300) + "]".repeat(300) + "}"));

        IntrospectionClient.Result result = download(project, endpoint, Map.of(), SDL, TIMEOUT);

        assertEquals(DiagnosticCode.SCHEMA_DOWNLOAD_FAILED, onlyCode(result));
        String message = result.diagnostics().get(0).message();
        assertTrue(message.contains("nests deeper than " + IntrospectionClient.MAX_JSON_NESTING + " levels"), message);
        assertFalse(message.contains("not a JSON object"), message);
    }
}
