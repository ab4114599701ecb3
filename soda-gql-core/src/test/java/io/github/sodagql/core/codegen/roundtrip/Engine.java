package io.github.sodagql.core.codegen.roundtrip;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A real graphql-java engine over a fixture's schema, serving that fixture's in-memory data. Its API uses
 * only JDK types, so the fixture checks (compiled at test time against the generated code) can call it:
 * a request goes in as the generated {@code DOCUMENT} and {@code Variables.toMap()}, the {@code data}
 * member comes out as graphql-java gives it.
 */
public final class Engine {
    private final GraphQL graphQL;
    private final Map<String, Map<String, Object>> arguments;
    private final Supplier<Engine> newer;

    /**
     * @param arguments where the server's data fetchers record the arguments they receive, by coordinate
     * @param newer the same server with a newer schema, or null when the fixture has none
     */
    Engine(GraphQL graphQL, Map<String, Map<String, Object>> arguments, Supplier<Engine> newer) {
        this.graphQL = graphQL;
        this.arguments = arguments;
        this.newer = newer;
    }

    /**
     * The same server, but its schema gained types and enum values after the client code was generated
     * (see LargeAppServer.NEWER_SCHEMA): what a deployed client meets when the server evolves first.
     */
    public Engine newerServer() {
        if (newer == null) {
            throw new IllegalStateException("This fixture has no newer server");
        }
        return newer.get();
    }

    /** Runs a query or mutation; fails unless the engine reports no errors. Returns the {@code data} member. */
    public Map<String, Object> execute(String document, Map<String, Object> variables) {
        ExecutionResult result = run(document, variables);
        if (!result.getErrors().isEmpty()) {
            throw new AssertionError("The engine reported errors: " + messages(result.getErrors()));
        }
        return result.getData();
    }

    /**
     * Runs a request the engine must refuse; returns its error messages (never empty). graphql-java 26
     * throws instead of reporting an error in one case (an explicit null for a variable that feeds
     * {@code @skip(if:)}), so a thrown exception counts as a refusal too, described by its message.
     */
    public List<String> errors(String document, Map<String, Object> variables) {
        List<String> errors;
        try {
            errors = messages(run(document, variables).getErrors());
        } catch (RuntimeException e) {
            errors = List.of("graphql-java threw " + e);
        }
        if (errors.isEmpty()) {
            throw new AssertionError("The engine accepted a request expected to fail");
        }
        return errors;
    }

    /**
     * Runs a subscription for real: graphql-java gives a publisher of results, one per source event; this
     * takes every event until the stream completes and fails unless each result is error-free.
     */
    public List<Map<String, Object>> subscribe(String document, Map<String, Object> variables) {
        ExecutionResult result = run(document, variables);
        if (!result.getErrors().isEmpty()) {
            throw new AssertionError("The engine reported errors: " + messages(result.getErrors()));
        }
        Publisher<ExecutionResult> events = result.getData();
        List<Map<String, Object>> data = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        events.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ExecutionResult event) {
                if (!event.getErrors().isEmpty()) {
                    done.completeExceptionally(new AssertionError("An event had errors: " + messages(event.getErrors())));
                }
                data.add(event.getData());
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The subscription did not complete cleanly", e);
        }
        return List.copyOf(data);
    }

    /**
     * The arguments a field last received, as graphql-java coerced them (schema defaults applied), e.g.
     * {@code arguments("Query.orders")}. An argument left out of the request with no default is missing
     * from the map; one sent as an explicit null maps to null.
     */
    public Map<String, Object> arguments(String coordinate) {
        Map<String, Object> received = arguments.get(coordinate);
        if (received == null) {
            throw new AssertionError("The engine did not resolve " + coordinate);
        }
        return received;
    }

    private ExecutionResult run(String document, Map<String, Object> variables) {
        return graphQL.execute(ExecutionInput.newExecutionInput().query(document).variables(variables).build());
    }

    private static List<String> messages(List<GraphQLError> errors) {
        return errors.stream().map(GraphQLError::getMessage).toList();
    }
}
