package com.example.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real GraphQL endpoint on loopback: graphql-java over the JDK's HTTP server, serving the project's own
 * schema at {@code POST /graphql} with {@code {"query","variables","operationName"}} JSON bodies. It records
 * every request body and what its data fetchers saw, so tests can check what went over the wire.
 */
final class LibraryServer implements AutoCloseable {
    static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private static final String KIND = "__kind";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final GraphQL graphql;
    private final List<Map<String, Object>> books = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> authors = new CopyOnWriteArrayList<>();

    /** Every request body, as parsed JSON. */
    final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();

    /** The {@code input} argument of every {@code addBook} call, as graphql-java coerced it. */
    final List<Map<String, Object>> addBookInputs = new CopyOnWriteArrayList<>();

    private LibraryServer(GraphQLSchema schema) throws IOException {
        Map<String, Object> le = author("a1", "Ursula K. Le Guin", 1929);
        Map<String, Object> sagan = author("a2", "Carl Sagan", 1934);
        Map<String, Object> tuchman = author("a3", "Barbara Tuchman", null);
        authors.addAll(List.of(le, sagan, tuchman));
        books.add(book("b1", "The Dispossessed", 1974, "FICTION", List.of("utopia", "anarchism"), le));
        books.add(book("b2", "Cosmos", 1980, "SCIENCE", List.of("space"), sagan));
        books.add(book("b3", "The Guns of August", null, "HISTORY", List.of(), tuchman));
        this.graphql = GraphQL.newGraphQL(schema).build();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/graphql", this::handle);
    }

    static LibraryServer start(Path schemaFile) throws IOException {
        LibraryServer[] self = new LibraryServer[1];
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("book", env -> self[0].bookById(env.getArgument("id")))
                        .dataFetcher("books", env -> self[0].books(env))
                        .dataFetcher("search", env -> self[0].search(env.getArgument("text")))
                        .dataFetcher("echo", LibraryServer::echo))
                .type(TypeRuntimeWiring.newTypeWiring("Mutation")
                        .dataFetcher("addBook", env -> self[0].addBook(env.getArgument("input"))))
                .type(TypeRuntimeWiring.newTypeWiring("SearchResult").typeResolver(byKind()))
                .type(TypeRuntimeWiring.newTypeWiring("AddBookResult").typeResolver(byKind()))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse(Files.readString(schemaFile)), wiring);
        self[0] = new LibraryServer(schema);
        self[0].http.start();
        return self[0];
    }

    URI endpoint() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + http.getAddress().getPort() + "/graphql");
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Map<String, Object> body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readValue(in, JSON_OBJECT);
            }
            requests.add(body);
            Object variables = body.get("variables");
            ExecutionInput.Builder input = ExecutionInput.newExecutionInput()
                    .query((String) body.get("query"))
                    .operationName((String) body.get("operationName"));
            if (variables instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, v));
                input.variables(copy);
            }
            ExecutionResult result = graphql.execute(input.build());
            byte[] response = json.writeValueAsBytes(result.toSpecification());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private static TypeResolver byKind() {
        return env -> {
            Map<?, ?> object = (Map<?, ?>) env.getObject();
            return env.getSchema().getObjectType((String) object.get(KIND));
        };
    }

    private Map<String, Object> bookById(String id) {
        return books.stream().filter(b -> b.get("id").equals(id)).findFirst().orElse(null);
    }

    private List<Map<String, Object>> books(DataFetchingEnvironment env) {
        String genre = env.getArgument("genre");
        int first = env.<Integer>getArgument("first");
        return books.stream()
                .filter(b -> genre == null || genre.equals(b.get("genre")))
                .limit(first)
                .toList();
    }

    private List<Map<String, Object>> search(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> hits = new ArrayList<>();
        books.stream().filter(b -> ((String) b.get("title")).toLowerCase(Locale.ROOT).contains(needle)).forEach(hits::add);
        authors.stream().filter(a -> ((String) a.get("name")).toLowerCase(Locale.ROOT).contains(needle)).forEach(hits::add);
        return hits;
    }

    /** Reports whether each argument reached the field at all, and its value: absent, null and a value differ. */
    private static Map<String, Object> echo(DataFetchingEnvironment env) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("tagPresent", env.containsArgument("tag"));
        echo.put("tag", env.getArgument("tag"));
        echo.put("notePresent", env.containsArgument("note"));
        echo.put("note", env.getArgument("note"));
        return echo;
    }

    private Map<String, Object> addBook(Map<String, Object> input) {
        addBookInputs.add(input);
        String title = (String) input.get("title");
        if (title.isBlank()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put(KIND, "ValidationFailure");
            failure.put("field", "input.title");
            failure.put("message", "must not be blank");
            return failure;
        }
        Map<?, ?> authorInput = (Map<?, ?>) input.get("author");
        Map<String, Object> author = author("a" + (authors.size() + 1), (String) authorInput.get("name"),
                (Integer) authorInput.get("born"));
        authors.add(author);
        Object tags = input.containsKey("tags") ? input.get("tags") : List.of("untagged");
        Map<String, Object> book = book("b" + (books.size() + 1), title, (Integer) input.get("year"),
                (String) input.get("genre"), tags, author);
        books.add(book);
        return book;
    }

    private static Map<String, Object> author(String id, String name, Integer born) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put(KIND, "Author");
        author.put("id", id);
        author.put("name", name);
        author.put("born", born);
        return author;
    }

    private static Map<String, Object> book(String id, String title, Integer year, String genre, Object tags,
            Map<String, Object> author) {
        Map<String, Object> book = new LinkedHashMap<>();
        book.put(KIND, "Book");
        book.put("id", id);
        book.put("title", title);
        book.put("year", year);
        book.put("genre", genre);
        book.put("tags", tags);
        book.put("author", author);
        return book;
    }
}
