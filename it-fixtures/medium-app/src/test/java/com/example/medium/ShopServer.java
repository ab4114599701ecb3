package com.example.medium;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.medium.graphql.GraphQLOperation;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A graphql-java engine serving this project's schema ({@code src/main/graphql/schema.graphqls}) from an
 * in-memory shop: 3 categories, 5 products and 3 orders. Each instance starts from the same data.
 */
final class ShopServer {

    // The in-memory model; graphql-java's default data fetcher reads the record accessors.
    public record Money(int amount, String currency) {}

    public record Category(String id, String name, String slug, String parentId) {}

    public record Product(String id, String name, String description, String sku, Money price, boolean inStock,
            String categoryId, String imageUrl) {}

    public record OrderLine(Product product, int quantity, Money lineTotal) {}

    public record Order(String id, String number, String status, List<OrderLine> lines, Money total, String placedAt) {
        Order withStatus(String newStatus) {
            return new Order(id, number, newStatus, lines, total, placedAt);
        }
    }

    public record ProductEdge(String cursor, Product node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    public record ProductConnection(List<ProductEdge> edges, PageInfo pageInfo, int totalCount) {}

    public record CreateOrderPayload(Order order, List<String> errors) {}

    static final String NOW = "2024-06-01T12:00:00Z";

    private final List<Category> categories = List.of(
            new Category("cat-coffee", "Coffee", "coffee", null),
            new Category("cat-beans", "Beans", "beans", "cat-coffee"),
            new Category("cat-tea", "Tea", "tea", null));

    private final List<Product> products = List.of(
            new Product("prod-1", "Ethiopia Yirgacheffe", "Floral and citrusy.", "BEAN-ETH", new Money(1800, "USD"), true,
                    "cat-beans", "https://img.example.com/eth.jpg"),
            new Product("prod-2", "Colombia Huila", null, "BEAN-COL", new Money(1600, "USD"), true, "cat-beans", null),
            new Product("prod-3", "Moka Pot", "Stovetop espresso maker.", "GEAR-MOKA", new Money(3500, "EUR"), false,
                    "cat-coffee", "https://img.example.com/moka.jpg"),
            new Product("prod-4", "Sencha", "Japanese green tea.", "TEA-SEN", new Money(1200, "JPY"), true, "cat-tea", null),
            new Product("prod-5", "Matcha Whisk", null, "TEA-WHISK", new Money(2400, "USD"), true, "cat-tea", null));

    private final List<Order> orders = new ArrayList<>(List.of(
            new Order("order-1", "SO-1001", "DELIVERED", List.of(line("prod-1", 2)), new Money(3600, "USD"), "2024-04-02T09:15:00Z"),
            new Order("order-2", "SO-1002", "PAID", List.of(line("prod-3", 1)), new Money(3500, "EUR"), "2024-05-10T14:00:00Z"),
            new Order("order-3", "SO-1003", "PENDING", List.of(line("prod-5", 1), line("prod-2", 1)), new Money(4000, "USD"),
                    "2024-05-28T18:30:00Z")));

    /** What {@code cancelOrder} received as {@code reason}, by order id: the text, {@code <null>} or {@code <absent>}. */
    final Map<String, String> cancellationReasons = new LinkedHashMap<>();

    private final GraphQL graphQL;

    ShopServer() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type
                        .dataFetcher("product", env -> product(env.getArgument("id")))
                        .dataFetcher("products", this::products)
                        .dataFetcher("categories", env -> categories)
                        .dataFetcher("order", env -> order(env.getArgument("id")))
                        .dataFetcher("orders", env -> {
                            String status = env.getArgument("status");
                            int first = env.getArgument("first");
                            return orders.stream().filter(o -> status == null || o.status().equals(status)).limit(first).toList();
                        }))
                .type("Mutation", type -> type
                        .dataFetcher("createOrder", this::createOrder)
                        .dataFetcher("cancelOrder", this::cancelOrder))
                .type("Subscription", type -> type
                        .dataFetcher("orderStatusChanged", env -> {
                            // The order moves on through its remaining statuses; each step is one event.
                            Order order = order(env.getArgument("orderId"));
                            List<String> flow = List.of("PENDING", "PAID", "SHIPPED", "DELIVERED");
                            List<Order> events = flow.subList(flow.indexOf(order.status()) + 1, flow.size())
                                    .stream().map(order::withStatus).toList();
                            return EventStream.of(events);
                        }))
                .type("Product", type -> type
                        .dataFetcher("category", env -> category(env.<Product>getSource().categoryId())))
                .type("Category", type -> type
                        .dataFetcher("parent", env -> category(env.<Category>getSource().parentId()))
                        .dataFetcher("productCount", env -> (int) products.stream()
                                .filter(p -> p.categoryId().equals(env.<Category>getSource().id())).count()))
                .build();
        Path schemaFile = Path.of(System.getProperty("basedir", "."), "src/main/graphql/schema.graphqls");
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaFile.toFile()), wiring);
        graphQL = GraphQL.newGraphQL(schema).build();
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

    private OrderLine line(String productId, int quantity) {
        Product product = product(productId);
        return new OrderLine(product, quantity, new Money(product.price().amount() * quantity, product.price().currency()));
    }

    private Product product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private Category category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    Order order(String id) {
        return orders.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    private ProductConnection products(DataFetchingEnvironment env) {
        Stream<Product> matching = products.stream();
        Map<String, Object> filter = env.getArgument("filter");
        if (filter != null) {
            String categoryId = (String) filter.get("categoryId");
            String search = (String) filter.get("search");
            Integer maxPrice = (Integer) filter.get("maxPrice");
            boolean inStockOnly = Boolean.TRUE.equals(filter.get("inStockOnly"));
            matching = matching
                    .filter(p -> categoryId == null || p.categoryId().equals(categoryId))
                    .filter(p -> search == null || p.name().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                    .filter(p -> maxPrice == null || p.price().amount() <= maxPrice)
                    .filter(p -> !inStockOnly || p.inStock());
        }
        List<ProductEdge> all = matching.map(p -> new ProductEdge("cursor-" + p.id(), p)).toList();
        String after = env.getArgument("after");
        Integer first = env.getArgument("first");
        int start = 0;
        if (after != null) {
            start = all.stream().map(ProductEdge::cursor).toList().indexOf(after) + 1;
        }
        int end = first == null ? all.size() : Math.min(all.size(), start + first);
        List<ProductEdge> page = all.subList(start, end);
        PageInfo pageInfo = new PageInfo(end < all.size(), start > 0,
                page.isEmpty() ? null : page.get(0).cursor(), page.isEmpty() ? null : page.get(page.size() - 1).cursor());
        return new ProductConnection(page, pageInfo, all.size());
    }

    private CreateOrderPayload createOrder(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        List<String> errors = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (Object lineInput : (List<?>) input.get("lines")) {
            Map<?, ?> line = (Map<?, ?>) lineInput;
            String productId = (String) line.get("productId");
            int quantity = (Integer) line.get("quantity");
            if (product(productId) == null) {
                errors.add("Unknown product: " + productId);
            } else if (quantity < 1) {
                errors.add("Quantity must be at least 1 for " + productId);
            } else {
                lines.add(line(productId, quantity));
            }
        }
        String coupon = (String) input.get("couponCode");
        int percentOff = 0;
        if ("WELCOME10".equals(coupon)) {
            percentOff = 10;
        } else if (coupon != null) {
            errors.add("Unknown coupon code: " + coupon);
        }
        if (!errors.isEmpty()) {
            return new CreateOrderPayload(null, errors);
        }
        int subtotal = lines.stream().mapToInt(l -> l.lineTotal().amount()).sum();
        Money total = new Money(subtotal * (100 - percentOff) / 100, lines.get(0).lineTotal().currency());
        Order order = new Order("order-" + (orders.size() + 1), "SO-" + (1001 + orders.size()), "PENDING", lines, total, NOW);
        orders.add(order);
        return new CreateOrderPayload(order, List.of());
    }

    private Order cancelOrder(DataFetchingEnvironment env) {
        Order order = order(env.getArgument("id"));
        if (order == null) {
            return null;
        }
        String reason = env.getArgument("reason");
        cancellationReasons.put(order.id(), !env.containsArgument("reason") ? "<absent>" : reason == null ? "<null>" : reason);
        Order cancelled = order.withStatus("CANCELLED");
        orders.set(orders.indexOf(order), cancelled);
        return cancelled;
    }
}
