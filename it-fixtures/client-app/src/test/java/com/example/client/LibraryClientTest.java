package com.example.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.client.graphql.AddBookMutation;
import com.example.client.graphql.AuthorInput;
import com.example.client.graphql.AuthorParts;
import com.example.client.graphql.BookParts;
import com.example.client.graphql.EchoQuery;
import com.example.client.graphql.Genre;
import com.example.client.graphql.GetBookQuery;
import com.example.client.graphql.GraphQLOperation;
import com.example.client.graphql.Input;
import com.example.client.graphql.ListBooksQuery;
import com.example.client.graphql.NewBookInput;
import com.example.client.graphql.Operations;
import com.example.client.graphql.SearchQuery;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends the generated operations to a real GraphQL endpoint over HTTP and decodes the answers into the generated types. */
class LibraryClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static LibraryServer server;

    /** A fresh server with the same seed data for every test: the mutation tests add books. */
    @BeforeEach
    void startServer() throws IOException {
        server = LibraryServer.start(Path.of("src/main/graphql/schema.graphqls"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** POSTs {@code {"query","variables","operationName"}} and returns the response's {@code data} member. */
    private static Map<String, Object> post(GraphQLOperation<?, ?> operation, GraphQLOperation.Variables variables)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", operation.document());
        body.put("variables", variables.toMap());
        body.put("operationName", operation.name());
        URI endpoint = server.endpoint();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        Map<String, Object> json = JSON.readValue(response.body(), LibraryServer.JSON_OBJECT);
        assertNull(json.get("errors"), () -> "GraphQL errors: " + json.get("errors"));
        Map<String, Object> data = new LinkedHashMap<>();
        ((Map<?, ?>) json.get("data")).forEach((k, v) -> data.put((String) k, v));
        return data;
    }

    /** The variables of the last request, exactly as they arrived at the server. */
    private static Map<?, ?> lastVariablesSent() {
        return (Map<?, ?>) server.requests.get(server.requests.size() - 1).get("variables");
    }

    @Test
    void getBookDecodesNestedFragments() throws Exception {
        var variables = GetBookQuery.Variables.builder().id("b1").build();
        GetBookQuery.Data data = GetBookQuery.Data.fromMap(post(GetBookQuery.INSTANCE, variables));

        BookParts book = data.book().bookParts();
        assertEquals("b1", book.id());
        assertEquals("The Dispossessed", book.title());
        assertEquals(1974, book.year());
        assertEquals(Genre.FICTION, book.genre());
        assertEquals(List.of("utopia", "anarchism"), book.tags());
        AuthorParts author = book.author().authorParts();
        assertEquals("a1", author.id());
        assertEquals("Ursula K. Le Guin", author.name());
        assertEquals(1929, author.born());

        Map<?, ?> sent = server.requests.get(server.requests.size() - 1);
        assertEquals(GetBookQuery.DOCUMENT, sent.get("query"));
        assertEquals("GetBook", sent.get("operationName"));
        assertEquals(Map.of("id", "b1"), sent.get("variables"));
    }

    @Test
    void nullableFieldsDecodeToNull() throws Exception {
        var missing = GetBookQuery.Data.fromMap(post(GetBookQuery.INSTANCE, GetBookQuery.Variables.builder().id("nope").build()));
        assertNull(missing.book());

        var noYear = GetBookQuery.Data.fromMap(post(GetBookQuery.INSTANCE, GetBookQuery.Variables.builder().id("b3").build()));
        assertNull(noYear.book().bookParts().year());
        assertEquals(List.of(), noYear.book().bookParts().tags());
        assertNull(noYear.book().bookParts().author().authorParts().born());
    }

    @Test
    void listBooksUsesTheVariableDefaultWhenAbsent() throws Exception {
        var byDefault = ListBooksQuery.Data.fromMap(post(ListBooksQuery.INSTANCE, ListBooksQuery.Variables.builder().build()));
        assertEquals(Map.of(), lastVariablesSent());
        assertEquals(List.of("b1", "b2"), byDefault.books().stream().map(ListBooksQuery.Data.Books::id).toList());

        var science = ListBooksQuery.Data.fromMap(post(ListBooksQuery.INSTANCE,
                ListBooksQuery.Variables.builder().genre(Genre.SCIENCE).first(5).build()));
        assertEquals(Map.of("genre", "SCIENCE", "first", 5), lastVariablesSent());
        assertEquals(1, science.books().size());
        assertEquals("Cosmos", science.books().get(0).title());
        assertEquals(Genre.SCIENCE, science.books().get(0).genre());
    }

    @Test
    void searchDecodesEveryUnionBranch() throws Exception {
        var data = SearchQuery.Data.fromMap(post(SearchQuery.INSTANCE, SearchQuery.Variables.builder().text("os").build()));
        // "The Dispossessed", "Cosmos" (books), then no author matches "os".
        assertEquals(2, data.search().size());
        var first = assertInstanceOf(SearchQuery.Data.Search.Book.class, data.search().get(0));
        assertEquals("Book", first.__typename());
        assertEquals("b1", first.id());
        assertEquals("The Dispossessed", first.title());

        var mixed = SearchQuery.Data.fromMap(post(SearchQuery.INSTANCE, SearchQuery.Variables.builder().text("ca").build()));
        // "Carl Sagan" is an author; no title contains "ca".
        assertEquals(1, mixed.search().size());
        var author = assertInstanceOf(SearchQuery.Data.Search.Author.class, mixed.search().get(0));
        assertEquals("Author", author.__typename());
        assertEquals("a2", author.authorParts().id());
        assertEquals("Carl Sagan", author.authorParts().name());
        assertEquals(1934, author.authorParts().born());

        var both = SearchQuery.Data.fromMap(post(SearchQuery.INSTANCE, SearchQuery.Variables.builder().text("gu").build()));
        // "The Guns of August" (book) and "Ursula K. Le Guin" (author), in that order.
        assertEquals(List.of(SearchQuery.Data.Search.Book.class, SearchQuery.Data.Search.Author.class),
                both.search().stream().map(Object::getClass).toList());
        int books = 0;
        int authors = 0;
        for (SearchQuery.Data.Search hit : both.search()) {
            if (hit instanceof SearchQuery.Data.Search.Book b) {
                assertEquals("The Guns of August", b.title());
                books++;
            } else if (hit instanceof SearchQuery.Data.Search.Author a) {
                assertEquals("Ursula K. Le Guin", a.authorParts().name());
                authors++;
            } else {
                throw new AssertionError("unexpected branch " + hit);
            }
        }
        assertEquals(1, books);
        assertEquals(1, authors);
    }

    @Test
    void addBookSendsNestedInputAndDecodesTheBookBranch() throws Exception {
        NewBookInput input = NewBookInput.builder()
                .title("The Left Hand of Darkness")
                .year(null)
                .genre(Genre.FICTION)
                .author(AuthorInput.builder().name("U. K. Le Guin").born(1929).build())
                .build();
        var data = AddBookMutation.Data.fromMap(post(AddBookMutation.INSTANCE,
                AddBookMutation.Variables.builder().input(input).build()));

        // On the wire: year an explicit null, tags left out, the nested author object with its value.
        Map<?, ?> sentInput = (Map<?, ?>) lastVariablesSent().get("input");
        assertTrue(sentInput.containsKey("year"));
        assertNull(sentInput.get("year"));
        assertFalse(sentInput.containsKey("tags"));
        assertEquals("FICTION", sentInput.get("genre"));
        assertEquals(Map.of("name", "U. K. Le Guin", "born", 1929), sentInput.get("author"));
        // And what the server's resolver received after coercion.
        Map<String, Object> received = server.addBookInputs.get(server.addBookInputs.size() - 1);
        assertTrue(received.containsKey("year"));
        assertNull(received.get("year"));
        assertFalse(received.containsKey("tags"));

        var book = assertInstanceOf(AddBookMutation.Data.AddBook.Book.class, data.addBook());
        assertEquals("Book", book.__typename());
        assertEquals("The Left Hand of Darkness", book.bookParts().title());
        assertNull(book.bookParts().year());
        assertEquals(Genre.FICTION, book.bookParts().genre());
        assertEquals(List.of("untagged"), book.bookParts().tags());
        assertEquals("U. K. Le Guin", book.bookParts().author().authorParts().name());
        assertEquals(1929, book.bookParts().author().authorParts().born());

        // The new book is now readable through the query.
        var again = GetBookQuery.Data.fromMap(post(GetBookQuery.INSTANCE,
                GetBookQuery.Variables.builder().id(book.bookParts().id()).build()));
        assertEquals(book.bookParts(), again.book().bookParts());
    }

    @Test
    void addBookDecodesTheValidationFailureBranch() throws Exception {
        NewBookInput input = NewBookInput.builder()
                .title(" ")
                .year(2001)
                .genre(Genre.HISTORY)
                .tags(List.of("draft", "x"))
                .author(AuthorInput.builder().name("Nobody").build())
                .build();
        var data = AddBookMutation.Data.fromMap(post(AddBookMutation.INSTANCE, new AddBookMutation.Variables(input)));

        Map<?, ?> sentInput = (Map<?, ?>) lastVariablesSent().get("input");
        assertEquals(2001, sentInput.get("year"));
        assertEquals(List.of("draft", "x"), sentInput.get("tags"));
        assertEquals(Map.of("name", "Nobody"), sentInput.get("author"));

        var failure = assertInstanceOf(AddBookMutation.Data.AddBook.ValidationFailure.class, data.addBook());
        assertEquals("ValidationFailure", failure.__typename());
        assertEquals("input.title", failure.field());
        assertEquals("must not be blank", failure.message());
    }

    @Test
    void optionalVariablesAbsentNullAndValueReachTheServerDifferently() throws Exception {
        // Absent: left out of the request; $tag falls back to its variable default, $note never reaches the field.
        var absent = EchoQuery.Data.fromMap(post(EchoQuery.INSTANCE, EchoQuery.Variables.builder().build())).echo();
        assertEquals(Map.of(), lastVariablesSent());
        assertTrue(absent.tagPresent());
        assertEquals("variable-default", absent.tag());
        assertFalse(absent.notePresent());
        assertNull(absent.note());

        // Explicit null: sent as JSON null; the argument is present and null (no default applies).
        var explicitNull = EchoQuery.Data.fromMap(post(EchoQuery.INSTANCE,
                EchoQuery.Variables.builder().tag(null).note(null).build())).echo();
        Map<?, ?> sentNull = lastVariablesSent();
        assertEquals(2, sentNull.size());
        assertTrue(sentNull.containsKey("tag") && sentNull.get("tag") == null);
        assertTrue(sentNull.containsKey("note") && sentNull.get("note") == null);
        assertTrue(explicitNull.tagPresent());
        assertNull(explicitNull.tag());
        assertTrue(explicitNull.notePresent());
        assertNull(explicitNull.note());

        // A value: sent and received as is.
        var value = EchoQuery.Data.fromMap(post(EchoQuery.INSTANCE,
                new EchoQuery.Variables(Input.of("t1"), Input.of("n1")))).echo();
        assertEquals(Map.of("tag", "t1", "note", "n1"), lastVariablesSent());
        assertTrue(value.tagPresent());
        assertEquals("t1", value.tag());
        assertTrue(value.notePresent());
        assertEquals("n1", value.note());

        // Mixed, through the plain-value builder methods: ofNullable maps null to an explicit null.
        String none = null;
        var mixed = EchoQuery.Data.fromMap(post(EchoQuery.INSTANCE,
                EchoQuery.Variables.builder().tag("t2").note(none).build())).echo();
        assertEquals("t2", mixed.tag());
        assertTrue(mixed.notePresent());
        assertNull(mixed.note());
    }

    @Test
    void operationsIndexFindsEveryOperationByNameAndId() {
        assertEquals(5, Operations.all().size());
        assertEquals(AddBookMutation.INSTANCE, Operations.byName("AddBook").orElseThrow());
        assertEquals(EchoQuery.INSTANCE, Operations.byId(EchoQuery.OPERATION_ID).orElseThrow());
        assertEquals("mutation", AddBookMutation.OPERATION_KIND);
        assertTrue(Operations.byName("Nope").isEmpty());
    }
}
