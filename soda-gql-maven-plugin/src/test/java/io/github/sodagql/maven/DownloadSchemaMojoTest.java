package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import graphql.GraphQL;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal is a translator: parameters in, the core's diagnostics out as log lines and one plain failure. */
class DownloadSchemaMojoTest {
    private static final String SDL = "type Query {\n  hello(name: String = \"you\"): String\n}\n";

    @TempDir
    Path basedir;

    private DownloadSchemaMojo mojo(String endpoint) {
        MavenProject project = new MavenProject(new Model());
        project.setFile(basedir.resolve("pom.xml").toFile());
        DownloadSchemaMojo mojo = new DownloadSchemaMojo();
        mojo.setLog(new RecordingLog());
        mojo.project = project;
        mojo.endpoint = endpoint;
        mojo.schemaFile = basedir.resolve("src/main/graphql/schema.graphqls").toFile();
        mojo.timeout = 20;
        return mojo;
    }

    @Test
    void writesTheServersSchemaWithTheConfiguredHeaders() throws Exception {
        GraphQL graphQL = GraphQL.newGraphQL(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(SDL)))
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            boolean authorized = "Bearer t0ken".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            Map<?, ?> request = new Gson().fromJson(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.class);
            byte[] body = (authorized ? new Gson().toJson(graphQL.execute((String) request.get("query")).toSpecification())
                    : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            DownloadSchemaMojo mojo = mojo("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
            mojo.headers = Map.of("Authorization", "Bearer t0ken");

            mojo.execute();

            assertEquals(SDL, Files.readString(basedir.resolve("src/main/graphql/schema.graphqls")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aClasspathSchemaFileIsRefusedBeforeAnythingIsFetched() {
        // As Maven hands it over: 'classpath:...' is not absolute, so it becomes a file under the project.
        DownloadSchemaMojo mojo = mojo("http://127.0.0.1:1/graphql");
        mojo.schemaFile = basedir.resolve("classpath:schema/schema.graphqls").toFile();

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("soda-gql: 'schemaFile' is 'classpath:schema/schema.graphqls', a file "
                + "inside a jar; download-schema writes a file of this project."), failure.getMessage());
        assertTrue(Files.notExists(basedir.resolve("classpath:schema")));
    }

    @Test
    void anUnreachableServerFailsWithTheDiagnosticAndNoStackTrace() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DownloadSchemaMojo mojo = mojo("http://127.0.0.1:" + port + "/graphql");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("[SCHEMA_DOWNLOAD_FAILED] Cannot reach http://127.0.0.1:" + port),
                failure.getMessage());
        assertNull(failure.getCause());
        assertTrue(Files.notExists(basedir.resolve("src/main/graphql/schema.graphqls")));
    }

    @Test
    void aReplyLargerThanMaxReplyMegabytesFails() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            byte[] body = (" ".repeat(2 * 1024 * 1024) + "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            DownloadSchemaMojo mojo = mojo("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
            mojo.maxReplyMegabytes = 1;

            MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

            assertTrue(failure.getMessage().contains("is larger than 1 MB"), failure.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMaxReplyMegabytesBelowOneIsRefused() {
        DownloadSchemaMojo mojo = mojo("http://127.0.0.1:1/graphql");
        mojo.maxReplyMegabytes = 0;

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("'maxReplyMegabytes' must be a positive number"), failure.getMessage());
    }
}
