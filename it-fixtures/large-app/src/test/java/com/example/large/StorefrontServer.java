package com.example.large;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.Storefront.Address;
import com.example.large.Storefront.Category;
import com.example.large.Storefront.Connection;
import com.example.large.Storefront.Product;
import com.example.large.Storefront.Review;
import com.example.large.Storefront.ReviewConnection;
import com.example.large.Storefront.User;
import com.example.large.graphql.GraphQLOperation;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A graphql-java engine serving this project's schema ({@code src/main/graphql/schema.graphqls}) from a fresh
 * {@link Storefront}: data fetchers for lookups and arguments, type resolvers for {@code Node}, {@code Media}
 * and {@code SearchResult}, and a {@code DateTime} scalar for {@link OffsetDateTime}.
 */
final class StorefrontServer {

    /** {@code scalar DateTime}: an ISO-8601 string with offset on the wire, an {@link OffsetDateTime} in Java. */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .coercing(new Coercing<OffsetDateTime, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof OffsetDateTime dateTime) {
                        return dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    }
                    throw new CoercingSerializeException("Expected an OffsetDateTime, got " + value);
                }

                @Override
                public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return OffsetDateTime.parse((String) input);
                    } catch (ClassCastException | DateTimeParseException e) {
                        throw new CoercingParseValueException("Expected an ISO-8601 date-time, got " + input, e);
                    }
                }

                @Override
                public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    try {
                        return OffsetDateTime.parse(((StringValue) input).getValue());
                    } catch (ClassCastException | DateTimeParseException e) {
                        throw new CoercingParseLiteralException("Expected an ISO-8601 date-time string, got " + input, e);
                    }
                }

                @Override
                public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                    return StringValue.of(serialize(input, context, locale));
                }
            })
            .build();

    /** The test data behind the engine; tests may read it to check what a mutation did. */
    final Storefront store = new Storefront();

    private final GraphQL graphQL;

    StorefrontServer() {
        // The in-memory records are named like the schema's object types.
        TypeResolver byRecordName = env -> env.getSchema().getObjectType(env.getObject().getClass().getSimpleName());

        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(DATE_TIME)
                .type("Node", type -> type.typeResolver(byRecordName))
                .type("Media", type -> type.typeResolver(byRecordName))
                .type("SearchResult", type -> type.typeResolver(byRecordName))
                .type("Query", type -> type
                        .dataFetcher("node", env -> store.node(env.getArgument("id")))
                        .dataFetcher("viewer", env -> store.viewer)
                        .dataFetcher("product", env -> env.getArgument("id") != null
                                ? store.product(env.getArgument("id"))
                                : store.productBySlug(env.getArgument("slug")))
                        .dataFetcher("products", env -> productConnection(env, filtered(store.products, env.getArgument("filter"))))
                        .dataFetcher("category", env -> store.categories.stream()
                                .filter(c -> c.slug().equals(env.getArgument("slug"))).findFirst().orElse(null))
                        .dataFetcher("categories", env -> store.categories.stream()
                                .filter(c -> !Boolean.TRUE.equals(env.getArgument("rootOnly")) || c.parentId() == null).toList())
                        .dataFetcher("brand", env -> store.brands.stream()
                                .filter(b -> b.slug().equals(env.getArgument("slug"))).findFirst().orElse(null))
                        .dataFetcher("brands", env -> store.brands.stream().limit(env.<Integer>getArgument("first")).toList())
                        .dataFetcher("search", this::search)
                        .dataFetcher("cart", env -> store.cart)
                        .dataFetcher("reviews", env -> reviewConnection(env, store.product(env.getArgument("productId")))))
                .type("Mutation", type -> type
                        .dataFetcher("addToCart", env -> {
                            Map<String, Object> input = env.getArgument("input");
                            return store.addToCart((String) input.get("productId"), (String) input.get("variantId"),
                                    (Integer) input.get("quantity"));
                        })
                        .dataFetcher("updateCartLine", env -> {
                            Map<String, Object> input = env.getArgument("input");
                            return store.updateCartLine((String) input.get("lineId"), (Integer) input.get("quantity"));
                        })
                        .dataFetcher("removeCartLine", env -> store.removeCartLine(env.getArgument("lineId")))
                        .dataFetcher("checkout", env -> {
                            Map<String, Object> input = env.getArgument("input");
                            Map<?, ?> address = (Map<?, ?>) input.get("shippingAddress");
                            Address shippingAddress = new Address("addr-" + (store.orders.size() + 1),
                                    (String) address.get("fullName"), (String) address.get("line1"), (String) address.get("city"),
                                    (String) address.get("postalCode"), (String) address.get("countryCode"));
                            return store.checkout((String) input.get("cartId"), shippingAddress,
                                    (String) input.get("paymentToken"), (String) input.get("couponCode"));
                        })
                        .dataFetcher("submitReview", env -> {
                            Map<String, Object> input = env.getArgument("input");
                            return store.submitReview((String) input.get("productId"), (Integer) input.get("rating"),
                                    (String) input.get("title"), (String) input.get("body"));
                        }))
                .type("Subscription", type -> type
                        // Each subscription field returns a Publisher; graphql-java runs the selection on every event.
                        .dataFetcher("cartUpdated", env -> EventStream.of(
                                store.cart.id().equals(env.getArgument("cartId")) ? List.of(store.cart) : List.of()))
                        .dataFetcher("orderStatusChanged", env -> EventStream.of(store.statusChanges(store.order(env.getArgument("orderId"))))))
                .type("Product", type -> type
                        .dataFetcher("brand", env -> store.brand(env.<Product>getSource().brandId()))
                        .dataFetcher("categories", env -> env.<Product>getSource().categoryIds().stream().map(store::category).toList())
                        .dataFetcher("rating", env -> store.rating(env.getSource()))
                        .dataFetcher("reviews", env -> reviewConnection(env, env.getSource()))
                        .dataFetcher("relatedProducts", env -> store.relatedProducts(env.getSource(), env.<Integer>getArgument("limit"))))
                .type("Category", type -> type
                        .dataFetcher("parent", env -> store.category(env.<Category>getSource().parentId()))
                        .dataFetcher("children", env -> store.children(env.getSource()))
                        .dataFetcher("breadcrumbs", env -> store.breadcrumbs(env.getSource()))
                        .dataFetcher("products", env -> productConnection(env, store.productsIn(env.getSource())))
                        .dataFetcher("productCount", env -> store.productsIn(env.getSource()).size()))
                .type("Brand", type -> type
                        .dataFetcher("products", env -> productConnection(env, store.productsOf(env.getSource())))
                        .dataFetcher("productCount", env -> store.productsOf(env.getSource()).size()))
                .type("Review", type -> type
                        .dataFetcher("author", env -> store.user(env.<Review>getSource().authorId()))
                        .dataFetcher("product", env -> store.product(env.<Review>getSource().productId())))
                .type("User", type -> type
                        .dataFetcher("orders", env -> {
                            String status = env.getArgument("status");
                            return Storefront.paginate(store.ordersOf(env.<User>getSource()).stream()
                                            .filter(o -> status == null || o.status().equals(status)).toList(),
                                    Storefront.Order::id, env.getArgument("first"), env.getArgument("after"));
                        }))
                .build();
        Path schemaFile = Path.of(System.getProperty("basedir", "."), "src/main/graphql/schema.graphqls");
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaFile.toFile()), wiring);
        graphQL = GraphQL.newGraphQL(schema).build();
    }

    private Connection<Product> productConnection(DataFetchingEnvironment env, List<Product> products) {
        return Storefront.paginate(store.sorted(products, env.getArgument("sort")), Product::id,
                env.getArgument("first"), env.getArgument("after"));
    }

    private ReviewConnection reviewConnection(DataFetchingEnvironment env, Product product) {
        List<Review> reviews = product == null ? List.of() : store.reviewsOf(product);
        Connection<Review> page = Storefront.paginate(store.sortedReviews(reviews, env.getArgument("sort")), Review::id,
                env.getArgument("first"), env.getArgument("after"));
        Double average = reviews.isEmpty() ? null : reviews.stream().mapToInt(Review::rating).average().orElseThrow();
        return new ReviewConnection(page.edges(), page.pageInfo(), page.totalCount(), average);
    }

    /** Applies a {@code ProductFilterInput} (a map, as graphql-java passes input objects). */
    private List<Product> filtered(List<Product> products, Map<String, Object> filter) {
        if (filter == null) {
            return products;
        }
        List<?> brandIds = (List<?>) filter.get("brandIds");
        List<?> categoryIds = (List<?>) filter.get("categoryIds");
        Map<?, ?> price = (Map<?, ?>) filter.get("price");
        Integer minCents = price == null ? null : (Integer) price.get("minCents");
        Integer maxCents = price == null ? null : (Integer) price.get("maxCents");
        List<?> stockStatuses = (List<?>) filter.get("stockStatuses");
        Integer minRating = (Integer) filter.get("minRating");
        return products.stream()
                .filter(p -> brandIds == null || brandIds.contains(p.brandId()))
                .filter(p -> categoryIds == null || p.categoryIds().stream().anyMatch(categoryIds::contains))
                .filter(p -> minCents == null || p.price().amountCents() >= minCents)
                .filter(p -> maxCents == null || p.price().amountCents() <= maxCents)
                .filter(p -> stockStatuses == null || stockStatuses.contains(p.stockStatus()))
                .filter(p -> minRating == null || (store.rating(p) != null && store.rating(p).average() >= minRating))
                .toList();
    }

    /** Products, then brands, then categories whose name contains the query. */
    private List<Object> search(DataFetchingEnvironment env) {
        String query = env.<String>getArgument("query").toLowerCase(Locale.ROOT);
        return Stream.of(
                        store.products.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(query)),
                        store.brands.stream().filter(b -> b.name().toLowerCase(Locale.ROOT).contains(query)),
                        store.categories.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(query)))
                .<Object>flatMap(s -> s)
                .limit(env.<Integer>getArgument("first"))
                .toList();
    }

    /** Executes a query or mutation and returns its {@code data}, failing the test on any GraphQL error. */
    Map<String, Object> execute(String document, Map<String, Object> variables) {
        ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput().query(document).variables(variables).build());
        assertTrue(result.getErrors().isEmpty(), () -> "GraphQL errors: " + result.getErrors());
        return result.getData();
    }

    /** Executes a generated operation through its generic interface and decodes the result. */
    <V extends GraphQLOperation.Variables, D> D execute(GraphQLOperation<V, D> operation, V variables) {
        return operation.decode(execute(operation.document(), variables.toMap()));
    }

    /** Starts a subscription and returns the {@code data} of every event until the stream completes. */
    List<Map<String, Object>> subscribe(String document, Map<String, Object> variables) throws Exception {
        ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput().query(document).variables(variables).build());
        assertTrue(result.getErrors().isEmpty(), () -> "GraphQL errors: " + result.getErrors());
        Publisher<ExecutionResult> stream = result.getData();
        CompletableFuture<List<Map<String, Object>>> allEvents = new CompletableFuture<>();
        stream.subscribe(new Subscriber<ExecutionResult>() {
            private final List<Map<String, Object>> received = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ExecutionResult event) {
                if (!event.getErrors().isEmpty()) {
                    allEvents.completeExceptionally(new AssertionError("GraphQL errors: " + event.getErrors()));
                }
                synchronized (received) {
                    received.add(event.getData());
                }
            }

            @Override
            public void onError(Throwable error) {
                allEvents.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                synchronized (received) {
                    allEvents.complete(List.copyOf(received));
                }
            }
        });
        return allEvents.get(10, TimeUnit.SECONDS);
    }
}
