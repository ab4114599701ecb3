package io.github.sodagql.core.codegen.roundtrip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * medium-app: three categories (two children of Kitchen), four products in three currencies, three
 * orders; {@code createOrder} prices its input's lines, {@code cancelOrder} cancels, and
 * {@code orderStatusChanged} publishes an order's next statuses.
 */
final class MediumAppServer extends FixtureServer {
    static final Map<String, Object> KITCHEN = object("id", "c1", "name", "Kitchen", "slug", "kitchen", "parentId", null);
    static final Map<String, Object> COFFEE = object("id", "c2", "name", "Coffee", "slug", "coffee", "parentId", "c1");
    static final Map<String, Object> TEA = object("id", "c3", "name", "Tea", "slug", "tea", "parentId", "c1");
    static final List<Map<String, Object>> CATEGORIES = list(KITCHEN, COFFEE, TEA);

    static final List<Map<String, Object>> PRODUCTS = list(
            product("p1", "Espresso Machine", "Dual boiler, PID controlled.", "EM-1", 49900, "USD", true, COFFEE,
                    "https://img.example/p1.png"),
            product("p2", "Burr Grinder", null, "BG-2", 19900, "USD", false, COFFEE, null),
            product("p3", "Matcha Whisk", "Bamboo, 100 prongs.", "MW-3", 1500, "EUR", true, TEA,
                    "https://img.example/p3.png"),
            product("p4", "Tea Kettle", null, "TK-4", 4800, "JPY", true, KITCHEN, "https://img.example/p4.png"));

    static final List<Map<String, Object>> ORDERS = list(
            order("o1", "SO-1001", "DELIVERED", "2024-03-01T09:15:30Z", list(line("p1", 1))),
            order("o2", "SO-1002", "PENDING", "2024-03-05T17:45:10Z", list(line("p2", 2))),
            order("o3", "SO-1003", "SHIPPED", "2024-03-07T08:05:59Z", list(line("p3", 4))));

    private MediumAppServer() {
        field("Query", "product", env -> byId(PRODUCTS, env.getArgument("id")));
        field("Query", "products", env -> {
            Map<String, Object> filter = env.getArgument("filter");
            List<Map<String, Object>> matching = PRODUCTS.stream().filter(p -> matches(p, filter)).toList();
            return connection(matching, env.getArgument("first"), env.getArgument("after"));
        });
        field("Query", "categories", env -> CATEGORIES);
        field("Query", "order", env -> byId(ORDERS, env.getArgument("id")));
        field("Query", "orders", env -> {
            String status = env.getArgument("status");
            Integer first = env.getArgument("first");
            return ORDERS.stream().filter(o -> status == null || status.equals(o.get("status")))
                    .limit(first == null ? Long.MAX_VALUE : first).toList();
        });
        field("Category", "parent", env -> byId(CATEGORIES, text(parent(env), "parentId")));
        field("Category", "productCount", env -> (int) PRODUCTS.stream()
                .filter(p -> ((Map<?, ?>) p.get("category")).get("id").equals(text(parent(env), "id"))).count());
        field("Mutation", "createOrder", env -> createOrder(env.getArgument("input")));
        field("Mutation", "cancelOrder", env -> {
            Map<String, Object> order = byId(ORDERS, env.getArgument("id"));
            return order == null ? null : with(order, "status", "CANCELLED");
        });
        field("Subscription", "orderStatusChanged", env -> {
            Map<String, Object> order = byId(ORDERS, env.getArgument("orderId"));
            List<String> next = List.of("PENDING", "PAID", "SHIPPED", "DELIVERED");
            return events(next.subList(next.indexOf(text(order, "status")) + 1, next.size()).stream()
                    .map(status -> with(order, "status", status)).toList());
        });
    }

    static Engine start(Path schema) {
        return new MediumAppServer().start(schema, "", null);
    }

    private static Map<String, Object> createOrder(Map<String, Object> input) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Object item : (List<?>) input.get("lines")) {
            Map<?, ?> line = (Map<?, ?>) item;
            if (byId(PRODUCTS, (String) line.get("productId")) == null) {
                return object("order", null, "errors", list("Unknown product: " + line.get("productId")));
            }
            lines.add(line((String) line.get("productId"), (Integer) line.get("quantity")));
        }
        Object coupon = input.get("couponCode");
        if (coupon != null && !coupon.equals("SAVE10")) {
            return object("order", null, "errors", list("Unknown coupon: " + coupon));
        }
        Map<String, Object> order = order("o4", "SO-1004", "PENDING", "2024-04-02T10:00:05Z", lines);
        if (coupon != null) {
            Map<?, ?> total = (Map<?, ?>) order.get("total");
            order.put("total", money((Integer) total.get("amount") * 9 / 10, (String) total.get("currency")));
        }
        return object("order", order, "errors", list());
    }

    private static boolean matches(Map<String, Object> product, Map<String, Object> filter) {
        if (filter == null) {
            return true;
        }
        Object categoryId = filter.get("categoryId");
        Object search = filter.get("search");
        Object maxPrice = filter.get("maxPrice");
        return (categoryId == null || categoryId.equals(((Map<?, ?>) product.get("category")).get("id")))
                && (search == null || text(product, "name").toLowerCase(Locale.ROOT)
                        .contains(((String) search).toLowerCase(Locale.ROOT)))
                && (!Boolean.TRUE.equals(filter.get("inStockOnly")) || (Boolean) product.get("inStock"))
                && (maxPrice == null || (Integer) ((Map<?, ?>) product.get("price")).get("amount") <= (Integer) maxPrice);
    }

    private static Map<String, Object> product(String id, String name, String description, String sku, int amount,
            String currency, boolean inStock, Map<String, Object> category, String imageUrl) {
        return object("id", id, "name", name, "description", description, "sku", sku, "price", money(amount, currency),
                "inStock", inStock, "category", category, "imageUrl", imageUrl);
    }

    private static Map<String, Object> line(String productId, int quantity) {
        Map<String, Object> product = byId(PRODUCTS, productId);
        Map<?, ?> price = (Map<?, ?>) product.get("price");
        return object("product", product, "quantity", quantity,
                "lineTotal", money((Integer) price.get("amount") * quantity, (String) price.get("currency")));
    }

    private static Map<String, Object> order(String id, String number, String status, String placedAt,
            List<Map<String, Object>> lines) {
        int total = lines.stream().mapToInt(l -> (Integer) ((Map<?, ?>) l.get("lineTotal")).get("amount")).sum();
        String currency = (String) ((Map<?, ?>) lines.get(0).get("lineTotal")).get("currency");
        return object("id", id, "number", number, "status", status, "lines", lines, "total", money(total, currency),
                "placedAt", placedAt);
    }

    private static Map<String, Object> money(int amount, String currency) {
        return object("amount", amount, "currency", currency);
    }

    private static Map<String, Object> byId(List<Map<String, Object>> items, String id) {
        return items.stream().filter(item -> item.get("id").equals(id)).findFirst().orElse(null);
    }
}
