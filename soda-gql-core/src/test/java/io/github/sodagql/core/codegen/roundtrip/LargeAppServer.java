package io.github.sodagql.core.codegen.roundtrip;

import graphql.schema.DataFetchingEnvironment;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * large-app: a small shop. Four products (two brands of three, four categories in a tree), their media,
 * variants, ratings and reviews; a viewer with three orders; a cart of two lines. Mutations return new
 * objects built from their input (the data never changes), subscriptions publish fixed events.
 *
 * <p>{@link Engine#newerServer()} serves a newer schema than the client was generated from: a union member, an
 * interface implementation and an enum value the generated code does not know.
 */
final class LargeAppServer extends FixtureServer {
    /** What a newer server adds to the schema the client was generated from. */
    static final String NEWER_SCHEMA = """
            type Collection implements Node { id: ID! name: String! }
            extend union SearchResult = Collection
            type Model3D implements Media { url: String! altText: String polygons: Int! }
            extend enum StockStatus { DISCONTINUED }
            """;

    static final Map<String, Object> ACME = typed("Brand", "id", "b1", "slug", "acme", "name", "Acme",
            "description", "Tools for coffee people.", "logo", image("https://img.example/acme.png", "Acme logo", 64, 64));
    static final Map<String, Object> GLOBEX = typed("Brand", "id", "b2", "slug", "globex", "name", "Globex",
            "description", null, "logo", null);
    static final Map<String, Object> COFFEE_CO = typed("Brand", "id", "b3", "slug", "coffee-co", "name", "Coffee Co.",
            "description", "Roasters.", "logo", null);
    static final List<Map<String, Object>> BRANDS = list(ACME, GLOBEX, COFFEE_CO);

    static final List<Map<String, Object>> CATEGORIES = list(
            category("cat1", "kitchen", "Kitchen", "Everything for the kitchen.",
                    image("https://img.example/kitchen.png", "Kitchen", 300, 200), null),
            category("cat2", "coffee", "Coffee", "Beans to cup.", null, "cat1"),
            category("cat3", "tea", "Tea", null, image("https://img.example/tea.png", null, 300, 200), "cat1"),
            category("cat4", "espresso", "Espresso", "Pressure brewing.", null, "cat2"));

    static final List<Map<String, Object>> PRODUCTS = list(
            product("prod1", "espresso-machine", "Espresso Machine", "Dual boiler.", "EM-1", ACME, list("cat2", "cat4"),
                    money(49999, "USD"), money(59999, "USD"), "IN_STOCK",
                    image("https://img.example/em.png", "Espresso machine", 400, 300),
                    list(image("https://img.example/em-side.png", "Side view", 800, 600),
                            typed("Video", "url", "https://video.example/em.mp4", "altText", null, "durationSeconds", 95)),
                    list(variant("v1", "EM-1-BLK", "Black", 49999, "IN_STOCK"), variant("v2", "EM-1-STL", "Steel", 52999, "LOW_STOCK")),
                    rating(4.5, list(object("stars", 5, "count", 1), object("stars", 4, "count", 1))),
                    "2024-01-10T08:30:15Z"),
            product("prod2", "coffee-grinder", "Coffee Grinder", null, "CG-2", GLOBEX, list("cat2"),
                    money(12900, "USD"), null, "LOW_STOCK", null, list(), list(), null, "2024-02-20T12:00:30Z"),
            product("prod3", "matcha-set", "Matcha Set", "Whisk and bowl.", "MS-3", ACME, list("cat3"),
                    money(3500, "EUR"), null, "OUT_OF_STOCK", image("https://img.example/ms.png", null, 400, 300),
                    list(image("https://img.example/ms-top.png", "From above", 800, 800)), list(),
                    rating(3.0, list(object("stars", 3, "count", 1))), "2024-03-05T16:45:50+02:00"),
            product("prod4", "tea-kettle", "Tea Kettle", null, "TK-4", GLOBEX, list("cat1", "cat3"),
                    money(4800, "JPY"), null, "PREORDER", null, list(), list(), null, "2023-12-01T10:10:10Z"));

    static final Map<String, Object> ADDRESS = object("id", "addr1", "fullName", "Ada Lovelace", "line1", "12 St James's Square",
            "city", "London", "postalCode", "SW1Y 4JH", "countryCode", "GB");
    static final Map<String, Object> VIEWER = typed("User", "id", "u1", "email", "ada@example.com", "displayName", "Ada",
            "fullName", "Ada Lovelace", "avatar", image("https://img.example/ada.png", "Ada", 48, 48), "role", "CUSTOMER",
            "memberSince", OffsetDateTime.parse("2021-06-01T12:00:45Z"), "defaultAddress", ADDRESS);
    static final Map<String, Object> BEA = typed("User", "id", "u2", "email", "bea@example.com", "displayName", "Bea",
            "fullName", null, "avatar", null, "role", "STAFF", "memberSince", OffsetDateTime.parse("2020-01-15T08:00:01Z"),
            "defaultAddress", null);

    static final List<Map<String, Object>> REVIEWS = list(
            review("r1", "prod1", 5, "Superb", "Makes great espresso.", BEA,
                    list(image("https://img.example/r1.png", "My setup", 640, 480)), 12, true, "2024-02-01T10:20:30Z"),
            review("r2", "prod1", 4, null, "Loud but good.", VIEWER, list(), 3, false, "2024-02-15T11:22:33Z"),
            review("r3", "prod3", 3, "Fine", "Does the job.", VIEWER, list(), 0, true, "2024-03-10T09:09:09Z"));

    static final List<Map<String, Object>> ORDERS = list(
            order("ord1", "SO-10001", "DELIVERED", list(orderLine("ol1", "prod1", "v1", 1)), "1Z999", "2024-02-01T09:00:15Z"),
            order("ord2", "SO-10002", "SHIPPED", list(orderLine("ol2", "prod2", null, 2)), "1Z123", "2024-03-01T14:30:45Z"),
            order("ord3", "SO-10003", "PENDING", list(orderLine("ol3", "prod3", null, 1)), null, "2024-03-20T18:05:25Z"));

    static final Map<String, Object> CART = cart(list(cartLine("cl1", "prod1", "v1", 1), cartLine("cl2", "prod2", null, 2)),
            "2024-04-01T10:00:30Z");

    private final boolean newer;

    private LargeAppServer(boolean newer) {
        this.newer = newer;
        abstractType("Node");
        abstractType("Media");
        abstractType("SearchResult");

        field("Query", "node", env -> Stream.of(PRODUCTS, BRANDS, CATEGORIES, REVIEWS, ORDERS, list(VIEWER, BEA, CART))
                .flatMap(List::stream).filter(n -> n.get("id").equals(env.getArgument("id"))).findFirst().orElse(null));
        field("Query", "viewer", env -> VIEWER);
        field("Query", "product", env -> PRODUCTS.stream()
                .filter(p -> Objects.equals(p.get("id"), env.getArgument("id")) || Objects.equals(p.get("slug"), env.getArgument("slug")))
                .findFirst().orElse(null));
        field("Query", "products", env -> {
            Map<String, Object> filter = env.getArgument("filter");
            return products(env, PRODUCTS.stream().filter(p -> matches(p, filter)).toList());
        });
        field("Query", "category", env -> bySlug(CATEGORIES, env.getArgument("slug")));
        field("Query", "categories", env -> CATEGORIES.stream()
                .filter(c -> !Boolean.TRUE.equals(env.getArgument("rootOnly")) || c.get("parentId") == null).toList());
        field("Query", "brand", env -> bySlug(BRANDS, env.getArgument("slug")));
        field("Query", "brands", env -> BRANDS.stream().limit((Integer) env.getArgument("first")).toList());
        field("Query", "search", env -> search(env.getArgument("query"), env.getArgument("first")));
        field("Query", "cart", env -> CART);
        field("Query", "reviews", env -> reviews(env, env.getArgument("productId")));

        field("Product", "categories", env -> byIds(CATEGORIES, (List<?>) parent(env).get("categoryIds")));
        field("Product", "reviews", env -> reviews(env, text(parent(env), "id")));
        field("Product", "relatedProducts", env -> PRODUCTS.stream()
                .filter(p -> !p.get("id").equals(text(parent(env), "id"))).limit((Integer) env.getArgument("limit")).toList());
        field("Product", "stockStatus", env -> newer && text(parent(env), "id").equals("prod2")
                ? "DISCONTINUED" : text(parent(env), "stockStatus"));
        field("Product", "media", env -> {
            List<Object> media = new ArrayList<>((List<?>) parent(env).get("media"));
            if (newer && text(parent(env), "id").equals("prod1")) {
                media.add(typed("Model3D", "url", "https://3d.example/em.glb", "altText", "Rotatable model", "polygons", 12000));
            }
            return media;
        });
        field("Category", "parent", env -> byId(CATEGORIES, text(parent(env), "parentId")));
        field("Category", "children", env -> CATEGORIES.stream()
                .filter(c -> Objects.equals(c.get("parentId"), text(parent(env), "id"))).toList());
        field("Category", "breadcrumbs", env -> {
            List<Map<String, Object>> ancestors = new ArrayList<>();
            for (Map<String, Object> c = byId(CATEGORIES, text(parent(env), "parentId")); c != null;
                    c = byId(CATEGORIES, text(c, "parentId"))) {
                ancestors.add(0, c);
            }
            return ancestors;
        });
        field("Category", "products", env -> products(env, inCategory(text(parent(env), "id"))));
        field("Category", "productCount", env -> inCategory(text(parent(env), "id")).size());
        field("Brand", "products", env -> products(env, ofBrand(text(parent(env), "id"))));
        field("Brand", "productCount", env -> ofBrand(text(parent(env), "id")).size());
        field("User", "orders", env -> {
            String status = env.getArgument("status");
            List<Map<String, Object>> orders = text(parent(env), "id").equals("u1")
                    ? ORDERS.stream().filter(o -> status == null || status.equals(o.get("status"))).toList() : list();
            return connection(orders, env.getArgument("first"), env.getArgument("after"));
        });

        field("Mutation", "addToCart", env -> addToCart(env.getArgument("input")));
        field("Mutation", "updateCartLine", env -> {
            Map<String, Object> input = env.getArgument("input");
            return updateLines(text(input, "lineId"), "input.lineId",
                    line -> cartLine(text(line, "id"), productId(line), variantId(line), number(input, "quantity")));
        });
        field("Mutation", "removeCartLine", env -> updateLines(env.getArgument("lineId"), "lineId", line -> null));
        field("Mutation", "checkout", env -> checkout(env.getArgument("input")));
        field("Mutation", "submitReview", env -> submitReview(env.getArgument("input")));

        field("Subscription", "cartUpdated", env -> events(list(
                cart(list(cartLine("cl1", "prod1", "v1", 2), cartLine("cl2", "prod2", null, 2)), "2024-04-01T10:05:01Z"),
                cart(list(cartLine("cl1", "prod1", "v1", 2)), "2024-04-01T10:06:02Z"))));
        field("Subscription", "orderStatusChanged", env -> {
            Map<String, Object> order = byId(ORDERS, env.getArgument("orderId"));
            return events(list(with(order, "status", "PAID"), with(order, "status", "SHIPPED", "trackingNumber", "1Z777")));
        });
    }

    /** The engine; its {@link Engine#newerServer()} serves {@link #NEWER_SCHEMA} too. */
    static Engine start(Path schema) {
        return new LargeAppServer(false).start(schema, "", () -> new LargeAppServer(true).start(schema, NEWER_SCHEMA, null));
    }

    private List<Object> search(String query, int first) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<Object> hits = new ArrayList<>();
        Stream.of(PRODUCTS, BRANDS, CATEGORIES).flatMap(List::stream)
                .filter(item -> text(item, "name").toLowerCase(Locale.ROOT).contains(needle))
                .forEach(hits::add);
        if (newer && "coffee".contains(needle)) {
            hits.add(typed("Collection", "id", "col1", "name", "Coffee Essentials"));
        }
        return hits.stream().limit(first).toList();
    }

    private static Map<String, Object> products(DataFetchingEnvironment env, List<Map<String, Object>> products) {
        return connection(sorted(products, env.getArgument("sort")), env.getArgument("first"), env.getArgument("after"));
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> products, String sort) {
        Comparator<Map<String, Object>> price = Comparator.comparingInt(p -> number(map(p, "price"), "amountCents"));
        Comparator<Map<String, Object>> newest = Comparator.comparing(p -> OffsetDateTime.parse(text(p, "createdAt")));
        Comparator<Map<String, Object>> rating = Comparator.comparingDouble(
                p -> p.get("rating") == null ? 0 : (Double) ((Map<?, ?>) p.get("rating")).get("average"));
        Comparator<Map<String, Object>> order = switch (sort == null ? "RELEVANCE" : sort) {
            case "PRICE_ASC" -> price;
            case "PRICE_DESC" -> price.reversed();
            case "NEWEST" -> newest.reversed();
            case "TOP_RATED" -> rating.reversed();
            default -> (a, b) -> 0;
        };
        return products.stream().sorted(order).toList();
    }

    private static boolean matches(Map<String, Object> product, Map<String, Object> filter) {
        if (filter == null) {
            return true;
        }
        List<?> brandIds = (List<?>) filter.get("brandIds");
        List<?> categoryIds = (List<?>) filter.get("categoryIds");
        List<?> stockStatuses = (List<?>) filter.get("stockStatuses");
        Map<?, ?> price = (Map<?, ?>) filter.get("price");
        Integer minRating = (Integer) filter.get("minRating");
        int cents = number(map(product, "price"), "amountCents");
        Map<?, ?> rating = (Map<?, ?>) product.get("rating");
        return (brandIds == null || brandIds.contains(((Map<?, ?>) product.get("brand")).get("id")))
                && (categoryIds == null || ((List<?>) product.get("categoryIds")).stream().anyMatch(categoryIds::contains))
                && (stockStatuses == null || stockStatuses.contains(product.get("stockStatus")))
                && (price == null || price.get("minCents") == null || cents >= (Integer) price.get("minCents"))
                && (price == null || price.get("maxCents") == null || cents <= (Integer) price.get("maxCents"))
                && (minRating == null || rating != null && (Double) rating.get("average") >= minRating);
    }

    private static Map<String, Object> reviews(DataFetchingEnvironment env, String productId) {
        List<Map<String, Object>> reviews = REVIEWS.stream().filter(r -> ((Map<?, ?>) r.get("product")).get("id").equals(productId))
                .toList();
        Comparator<Map<String, Object>> helpful = Comparator.comparingInt(r -> number(r, "helpfulCount"));
        Comparator<Map<String, Object>> stars = Comparator.comparingInt(r -> number(r, "rating"));
        Comparator<Map<String, Object>> newest = Comparator.comparing(r -> OffsetDateTime.parse(text(r, "createdAt")));
        String sort = env.getArgument("sort");
        Comparator<Map<String, Object>> order = switch (sort == null ? "MOST_HELPFUL" : sort) {
            case "NEWEST" -> newest.reversed();
            case "HIGHEST_RATED" -> stars.reversed();
            case "LOWEST_RATED" -> stars;
            default -> helpful.reversed();
        };
        Map<String, Object> connection = connection(reviews.stream().sorted(order).toList(), env.getArgument("first"),
                env.getArgument("after"));
        connection.put("averageRating", reviews.isEmpty() ? null
                : reviews.stream().mapToInt(r -> number(r, "rating")).average().orElseThrow());
        return connection;
    }

    private static Map<String, Object> addToCart(Map<String, Object> input) {
        Map<String, Object> product = byId(PRODUCTS, text(input, "productId"));
        if (product == null) {
            return cartPayload(CART, userError(list("input", "productId"), "No such product", "NOT_FOUND"));
        }
        if (input.get("quantity") == null) {
            return cartPayload(CART, userError(list("input", "quantity"), "Quantity must not be null", "INVALID_QUANTITY"));
        }
        List<Map<String, Object>> lines = new ArrayList<>(lines(CART));
        lines.add(cartLine("cl3", text(product, "id"), text(input, "variantId"), number(input, "quantity")));
        return cartPayload(cart(lines, "2024-04-01T11:00:01Z"));
    }

    private static Map<String, Object> updateLines(String lineId, String argument,
            java.util.function.UnaryOperator<Map<String, Object>> change) {
        if (lines(CART).stream().noneMatch(line -> line.get("id").equals(lineId))) {
            return cartPayload(CART, userError(List.of(argument.split("\\.")), "No cart line " + lineId, "NOT_FOUND"));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : lines(CART)) {
            Map<String, Object> changed = line.get("id").equals(lineId) ? change.apply(line) : line;
            if (changed != null) {
                lines.add(changed);
            }
        }
        return cartPayload(cart(lines, "2024-04-01T11:00:01Z"));
    }

    private static Map<String, Object> checkout(Map<String, Object> input) {
        if ("tok_declined".equals(input.get("paymentToken"))) {
            return object("order", null, "userErrors",
                    list(userError(list("input", "paymentToken"), "Payment declined", "PAYMENT_DECLINED")));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : lines(CART)) {
            lines.add(orderLine("ol-" + line.get("id"), productId(line), variantId(line), number(line, "quantity")));
        }
        Map<String, Object> order = order("ord4", "SO-10004", "PAID", lines, null, "2024-04-02T09:30:45Z");
        order.put("shippingAddress", with(map(input, "shippingAddress"), "id", "addr2"));
        return object("order", order, "userErrors", list());
    }

    private static Map<String, Object> submitReview(Map<String, Object> input) {
        int stars = number(input, "rating");
        if (stars < 1 || stars > 5) {
            return object("review", null, "userErrors",
                    list(userError(list("input", "rating"), "Rating must be from 1 to 5", "OUT_OF_RANGE")));
        }
        Map<String, Object> review = review("r4", text(input, "productId"), stars, text(input, "title"), text(input, "body"),
                VIEWER, list(), 0, false, "2024-04-03T14:15:16Z");
        return object("review", review, "userErrors", list());
    }

    private static Map<String, Object> cartPayload(Map<String, Object> cart) {
        return object("cart", cart, "userErrors", list());
    }

    private static Map<String, Object> cartPayload(Map<String, Object> cart, Map<String, Object> userError) {
        return object("cart", cart, "userErrors", list(userError));
    }

    private static Map<String, Object> userError(List<String> field, String message, String code) {
        return object("field", field, "message", message, "code", code);
    }

    private static Map<String, Object> money(int cents, String currency) {
        String formatted = switch (currency) {
            case "USD" -> String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
            case "EUR" -> String.format(Locale.ROOT, "€%d.%02d", cents / 100, cents % 100);
            default -> "¥" + cents;
        };
        return object("amountCents", cents, "currency", currency, "formatted", formatted);
    }

    private static Map<String, Object> image(String url, String altText, int width, int height) {
        return typed("Image", "url", url, "altText", altText, "width", width, "height", height);
    }

    private static Map<String, Object> rating(double average, List<Map<String, Object>> distribution) {
        return object("average", average, "count", distribution.stream().mapToInt(b -> number(b, "count")).sum(),
                "distribution", distribution);
    }

    private static Map<String, Object> category(String id, String slug, String name, String description,
            Map<String, Object> image, String parentId) {
        return typed("Category", "id", id, "slug", slug, "name", name, "description", description, "image", image,
                "parentId", parentId);
    }

    private static Map<String, Object> variant(String id, String sku, String name, int cents, String stockStatus) {
        return typed("ProductVariant", "id", id, "sku", sku, "name", name, "price", money(cents, "USD"),
                "stockStatus", stockStatus, "options", list(object("name", "Color", "value", name)));
    }

    private static Map<String, Object> product(String id, String slug, String name, String description, String sku,
            Map<String, Object> brand, List<String> categoryIds, Map<String, Object> price, Map<String, Object> compareAtPrice,
            String stockStatus, Map<String, Object> thumbnail, List<Map<String, Object>> media,
            List<Map<String, Object>> variants, Map<String, Object> rating, String createdAt) {
        return typed("Product", "id", id, "slug", slug, "name", name, "description", description, "sku", sku,
                "brand", brand, "categoryIds", categoryIds, "price", price, "compareAtPrice", compareAtPrice,
                "stockStatus", stockStatus, "inStock", !stockStatus.equals("OUT_OF_STOCK"), "thumbnail", thumbnail,
                "media", media, "variants", variants, "rating", rating, "createdAt", createdAt, "updatedAt", createdAt);
    }

    private static Map<String, Object> review(String id, String productId, int rating, String title, String body,
            Map<String, Object> author, List<Map<String, Object>> photos, int helpfulCount, boolean verifiedPurchase,
            String createdAt) {
        return typed("Review", "id", id, "product", byId(PRODUCTS, productId), "rating", rating, "title", title, "body", body,
                "author", author, "photos", photos, "helpfulCount", helpfulCount, "verifiedPurchase", verifiedPurchase,
                "createdAt", createdAt);
    }

    private static Map<String, Object> line(String kind, String id, String productId, String variantId, int quantity) {
        Map<String, Object> product = byId(PRODUCTS, productId);
        Map<String, Object> variant = variantId == null ? null : byId(maps(product, "variants"), variantId);
        Map<String, Object> unitPrice = map(variant != null ? variant : product, "price");
        Map<String, Object> line = typed(kind, "id", id, "product", product, "variant", variant, "quantity", quantity,
                "unitPrice", unitPrice, "lineTotal", money(number(unitPrice, "amountCents") * quantity, text(unitPrice, "currency")));
        return line;
    }

    private static Map<String, Object> orderLine(String id, String productId, String variantId, int quantity) {
        return line("OrderLine", id, productId, variantId, quantity);
    }

    private static Map<String, Object> cartLine(String id, String productId, String variantId, int quantity) {
        return line("CartLine", id, productId, variantId, quantity);
    }

    private static String productId(Map<String, Object> line) {
        return text(map(line, "product"), "id");
    }

    private static String variantId(Map<String, Object> line) {
        return line.get("variant") == null ? null : text(map(line, "variant"), "id");
    }

    private static List<Map<String, Object>> lines(Map<String, Object> owner) {
        return maps(owner, "lines");
    }

    /** Subtotal, 8% tax rounded down, and total, in the currency of the first line. */
    private static Map<String, Object> cart(List<Map<String, Object>> lines, String updatedAt) {
        int subtotal = lines.stream().mapToInt(l -> number(map(l, "lineTotal"), "amountCents")).sum();
        String currency = lines.isEmpty() ? "USD" : text(map(lines.get(0), "lineTotal"), "currency");
        return typed("Cart", "id", "cart1", "lines", lines, "itemCount", lines.stream().mapToInt(l -> number(l, "quantity")).sum(),
                "subtotal", money(subtotal, currency), "estimatedTax", lines.isEmpty() ? null : money(subtotal * 8 / 100, currency),
                "total", money(subtotal + subtotal * 8 / 100, currency), "updatedAt", OffsetDateTime.parse(updatedAt));
    }

    private static Map<String, Object> order(String id, String number, String status, List<Map<String, Object>> lines,
            String trackingNumber, String placedAt) {
        int subtotal = lines.stream().mapToInt(l -> number(map(l, "lineTotal"), "amountCents")).sum();
        String currency = text(map(lines.get(0), "lineTotal"), "currency");
        int shipping = 500;
        int tax = subtotal * 8 / 100;
        return typed("Order", "id", id, "number", number, "status", status, "lines", lines,
                "subtotal", money(subtotal, currency), "shippingCost", money(shipping, currency), "tax", money(tax, currency),
                "total", money(subtotal + shipping + tax, currency), "shippingAddress", ADDRESS,
                "trackingNumber", trackingNumber, "placedAt", placedAt);
    }

    private static List<Map<String, Object>> inCategory(String categoryId) {
        return PRODUCTS.stream().filter(p -> ((List<?>) p.get("categoryIds")).contains(categoryId)).toList();
    }

    private static List<Map<String, Object>> ofBrand(String brandId) {
        return PRODUCTS.stream().filter(p -> ((Map<?, ?>) p.get("brand")).get("id").equals(brandId)).toList();
    }

    private static Map<String, Object> byId(List<Map<String, Object>> items, String id) {
        return items.stream().filter(item -> item.get("id").equals(id)).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> byIds(List<Map<String, Object>> items, List<?> ids) {
        return ids.stream().map(id -> byId(items, (String) id)).toList();
    }

    private static Map<String, Object> bySlug(List<Map<String, Object>> items, String slug) {
        return items.stream().filter(item -> item.get("slug").equals(slug)).findFirst().orElse(null);
    }
}
