package com.example.large;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The in-memory storefront the test engine serves: 2 brands, 4 categories, 5 products, 4 reviews, 2 users,
 * 3 orders and the viewer's cart. graphql-java's default data fetcher reads the public record accessors and
 * the few computed methods (e.g. {@link Money#formatted()}, {@link Cart#total()}); everything that needs a
 * lookup is a data fetcher in {@link StorefrontServer}.
 */
final class Storefront {

    /** "Now" for everything the mutations create. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2024-06-15T10:00:00Z");

    public record Money(int amountCents, String currency) {
        static Money usd(int cents) {
            return new Money(cents, "USD");
        }

        public String formatted() {
            return switch (currency) {
                case "USD" -> String.format(Locale.ROOT, "$%d.%02d", amountCents / 100, amountCents % 100);
                case "EUR" -> String.format(Locale.ROOT, "€%d.%02d", amountCents / 100, amountCents % 100);
                default -> String.format(Locale.ROOT, "¥%,d", amountCents);
            };
        }

        Money times(int quantity) {
            return new Money(amountCents * quantity, currency);
        }

        Money percent(int percent) {
            return new Money(Math.round(amountCents * percent / 100f), currency);
        }

        Money plus(Money other) {
            return new Money(amountCents + other.amountCents, currency);
        }
    }

    /** {@code interface Media}: the type resolver picks {@code Image} or {@code Video} by the record's class. */
    public sealed interface Media permits Image, Video {
        String url();

        String altText();
    }

    public record Image(String url, String altText, int width, int height) implements Media {}

    public record Video(String url, String altText, int durationSeconds) implements Media {}

    public record Address(String id, String fullName, String line1, String city, String postalCode, String countryCode) {}

    public record UserError(List<String> field, String message, String code) {}

    public record Brand(String id, String slug, String name, String description, Image logo) {}

    public record Category(String id, String slug, String name, String description, Image image, String parentId) {}

    public record VariantOption(String name, String value) {}

    public record ProductVariant(String id, String sku, String name, Money price, String stockStatus, List<VariantOption> options) {}

    public record Product(String id, String slug, String name, String description, String sku, String brandId,
            List<String> categoryIds, Money price, Money compareAtPrice, String stockStatus, Image thumbnail,
            List<Media> media, List<ProductVariant> variants, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    public record Review(String id, String productId, String authorId, int rating, String title, String body,
            List<Image> photos, int helpfulCount, boolean verifiedPurchase, OffsetDateTime createdAt) {}

    public record RatingBucket(int stars, int count) {}

    public record RatingSummary(double average, int count, List<RatingBucket> distribution) {}

    public record User(String id, String email, String displayName, Image avatar, String role, OffsetDateTime memberSince,
            Address defaultAddress) {}

    public record CartLine(String id, Product product, ProductVariant variant, int quantity) {
        public Money unitPrice() {
            return variant != null ? variant.price() : product.price();
        }

        public Money lineTotal() {
            return unitPrice().times(quantity);
        }
    }

    public record Cart(String id, List<CartLine> lines, OffsetDateTime updatedAt) {
        public int itemCount() {
            return lines.stream().mapToInt(CartLine::quantity).sum();
        }

        public Money subtotal() {
            return lines.stream().map(CartLine::lineTotal).reduce(Money.usd(0), Money::plus);
        }

        /** 8% of the subtotal; unknown (null) while the cart is empty. */
        public Money estimatedTax() {
            return lines.isEmpty() ? null : subtotal().percent(TAX_PERCENT);
        }

        public Money total() {
            return lines.isEmpty() ? subtotal() : subtotal().plus(estimatedTax());
        }
    }

    public record OrderLine(String id, Product product, ProductVariant variant, int quantity, Money unitPrice, Money lineTotal) {}

    public record Order(String id, String userId, String number, String status, List<OrderLine> lines, Money subtotal,
            Money shippingCost, Money tax, Money total, Address shippingAddress, String trackingNumber,
            OffsetDateTime placedAt) {
        Order progressedTo(String newStatus, String newTrackingNumber) {
            return new Order(id, userId, number, newStatus, lines, subtotal, shippingCost, tax, total, shippingAddress,
                    newTrackingNumber, placedAt);
        }
    }

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, String endCursor) {}

    public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {}

    public record ReviewConnection(List<Edge<Review>> edges, PageInfo pageInfo, int totalCount, Double averageRating) {}

    public record CartPayload(Cart cart, List<UserError> userErrors) {}

    public record CheckoutPayload(Order order, List<UserError> userErrors) {}

    public record SubmitReviewPayload(Review review, List<UserError> userErrors) {}

    static final int TAX_PERCENT = 8;
    static final int FREE_SHIPPING_FROM_CENTS = 10_000;
    static final Money SHIPPING = Money.usd(500);

    private static Image image(String path, String altText, int width, int height) {
        return new Image("https://cdn.example.com/" + path, altText, width, height);
    }

    private static OffsetDateTime at(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime);
    }

    final List<Brand> brands = List.of(
            new Brand("brand-1", "northwind-coffee", "Northwind Coffee", "Small-batch roaster from Oslo.",
                    image("brands/northwind.png", "Northwind Coffee logo", 200, 80)),
            new Brand("brand-2", "kettle-co", "Kettle & Co", null, null));

    final List<Category> categories = List.of(
            new Category("cat-1", "coffee", "Coffee", "Everything for coffee.", image("categories/coffee.jpg", "Coffee beans", 600, 400), null),
            new Category("cat-2", "brewers", "Brewers", "Pour-over, immersion and cold brew.", null, "cat-1"),
            new Category("cat-3", "grinders", "Grinders", null, image("categories/grinders.jpg", null, 600, 400), "cat-1"),
            new Category("cat-4", "tea", "Tea", null, null, null));

    final List<Product> products = List.of(
            new Product("prod-1", "pour-over-kettle", "Pour-Over Kettle", "A gooseneck kettle.", "KET-001", "brand-2",
                    List.of("cat-2"), Money.usd(4900), Money.usd(5900), "IN_STOCK", image("products/kettle-thumb.jpg", "Kettle", 320, 320),
                    List.of(image("products/kettle-1.jpg", "Kettle, side view", 1200, 900),
                            new Video("https://cdn.example.com/products/kettle.mp4", null, 42)),
                    List.of(new ProductVariant("var-1", "KET-001-BLK", "Matte Black", Money.usd(4900), "IN_STOCK",
                                    List.of(new VariantOption("Color", "Black"))),
                            new ProductVariant("var-2", "KET-001-STL", "Brushed Steel", Money.usd(5400), "LOW_STOCK",
                                    List.of(new VariantOption("Color", "Steel"), new VariantOption("Finish", "Brushed")))),
                    at("2024-03-01T09:00:00Z"), at("2024-06-01T09:00:00Z")),
            new Product("prod-2", "burr-grinder", "Burr Grinder", null, "GRN-001", "brand-1", List.of("cat-3"),
                    Money.usd(12900), null, "LOW_STOCK", null, List.of(), List.of(),
                    at("2024-04-15T12:30:00+02:00"), at("2024-04-15T12:30:00+02:00")),
            new Product("prod-3", "coffee-dripper", "Coffee Dripper", "Ceramic cone dripper.", "DRP-001", "brand-1",
                    List.of("cat-2"), Money.usd(2500), null, "IN_STOCK", image("products/dripper-thumb.jpg", "Dripper", 320, 320),
                    List.of(image("products/dripper-1.jpg", null, 1000, 1000)), List.of(),
                    at("2024-05-20T08:00:00Z"), at("2024-05-20T08:00:00Z")),
            new Product("prod-4", "sencha", "Sencha Green Tea", "Steamed Japanese green tea.", "TEA-001", "brand-2",
                    List.of("cat-4"), new Money(1800, "JPY"), null, "OUT_OF_STOCK", null, List.of(), List.of(),
                    at("2024-01-10T07:00:00Z"), at("2024-01-10T07:00:00Z")),
            new Product("prod-5", "cold-brew-kit", "Cold Brew Kit", null, "BRW-002", "brand-1", List.of("cat-2"),
                    Money.usd(3900), null, "PREORDER", null, List.of(), List.of(),
                    at("2024-06-01T00:00:00Z"), at("2024-06-01T00:00:00Z")));

    final Address adasAddress = new Address("addr-1", "Ada Lovelace", "12 Analytical St", "London", "NW1 6XE", "GB");

    final List<User> users = List.of(
            new User("user-1", "ada@example.com", "Ada", image("avatars/ada.png", "Ada's avatar", 96, 96), "CUSTOMER",
                    at("2021-06-01T08:00:00Z"), adasAddress),
            new User("user-2", "grace@example.com", "Grace", null, "STAFF", at("2019-12-09T00:00:00-05:00"), null));

    /** The signed-in user. */
    final User viewer = users.get(0);

    final List<Review> reviews = new ArrayList<>(List.of(
            new Review("rev-1", "prod-1", "user-2", 5, "Perfect pour", "Precise spout.",
                    List.of(image("reviews/rev-1.jpg", "Kettle on the stove", 800, 600)), 12, true, at("2024-04-01T10:00:00Z")),
            new Review("rev-2", "prod-1", "user-1", 4, null, "Heats slowly but pours well.", List.of(), 3, true,
                    at("2024-05-02T11:00:00Z")),
            new Review("rev-3", "prod-1", "user-2", 2, "Lid rattles", "The lid is loose.", List.of(), 7, false,
                    at("2024-05-30T16:45:00+09:00")),
            new Review("rev-4", "prod-2", "user-1", 5, "Consistent grind", "Great for espresso.", List.of(), 1, true,
                    at("2024-05-01T00:00:00Z"))));

    final List<Order> orders = new ArrayList<>(List.of(
            order("order-1", "SO-10421", "DELIVERED", "1Z-0001", at("2024-04-03T09:00:00Z"),
                    List.of(orderLine("ol-1", product("prod-3"), null, 2))),
            order("order-2", "SO-10422", "SHIPPED", "1Z-0002", at("2024-05-05T15:20:00Z"),
                    List.of(orderLine("ol-2", product("prod-2"), null, 1))),
            order("order-3", "SO-10423", "PAID", null, at("2024-06-10T18:00:00Z"),
                    List.of(orderLine("ol-3", product("prod-1"), product("prod-1").variants().get(0), 1)))));

    Cart cart = new Cart("cart-1", List.of(
            new CartLine("line-1", product("prod-1"), product("prod-1").variants().get(1), 1),
            new CartLine("line-2", product("prod-3"), null, 2)),
            at("2024-06-14T20:00:00Z"));

    private int nextCartLine = 3;

    // ---- lookups

    Product product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    Product productBySlug(String slug) {
        return products.stream().filter(p -> p.slug().equals(slug)).findFirst().orElse(null);
    }

    Brand brand(String id) {
        return brands.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }

    Category category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    User user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
    }

    Order order(String id) {
        return orders.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    /** Any object with an {@code id}, for {@code Query.node}. */
    Object node(String id) {
        return Stream.of(products, brands, categories, users, reviews, orders, List.of(cart))
                .flatMap(List::stream)
                .filter(node -> id.equals(idOf(node)))
                .findFirst().orElse(null);
    }

    private static String idOf(Object node) {
        if (node instanceof Product p) return p.id();
        if (node instanceof Brand b) return b.id();
        if (node instanceof Category c) return c.id();
        if (node instanceof User u) return u.id();
        if (node instanceof Review r) return r.id();
        if (node instanceof Order o) return o.id();
        if (node instanceof Cart c) return c.id();
        return null;
    }

    List<Category> children(Category parent) {
        return categories.stream().filter(c -> parent.id().equals(c.parentId())).toList();
    }

    /** Ancestors from the root down to (not including) the category. */
    List<Category> breadcrumbs(Category category) {
        List<Category> path = new ArrayList<>();
        for (Category c = category(category.parentId()); c != null; c = category(c.parentId())) {
            path.add(0, c);
        }
        return path;
    }

    /** Products in the category or any of its descendants. */
    List<Product> productsIn(Category category) {
        return products.stream().filter(p -> p.categoryIds().stream().anyMatch(id -> isWithin(id, category.id()))).toList();
    }

    private boolean isWithin(String categoryId, String ancestorId) {
        for (Category c = category(categoryId); c != null; c = category(c.parentId())) {
            if (c.id().equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    List<Product> productsOf(Brand brand) {
        return products.stream().filter(p -> p.brandId().equals(brand.id())).toList();
    }

    /** Products sharing the brand or a category, in catalog order. */
    List<Product> relatedProducts(Product product, int limit) {
        return products.stream()
                .filter(p -> !p.id().equals(product.id()))
                .filter(p -> p.brandId().equals(product.brandId()) || p.categoryIds().stream().anyMatch(product.categoryIds()::contains))
                .limit(limit)
                .toList();
    }

    List<Review> reviewsOf(Product product) {
        return reviews.stream().filter(r -> r.productId().equals(product.id())).toList();
    }

    /** Null while a product has no reviews. */
    RatingSummary rating(Product product) {
        List<Review> productReviews = reviewsOf(product);
        if (productReviews.isEmpty()) {
            return null;
        }
        double average = productReviews.stream().mapToInt(Review::rating).average().orElseThrow();
        List<RatingBucket> distribution = IntStream.iterate(5, stars -> stars >= 1, stars -> stars - 1)
                .mapToObj(stars -> new RatingBucket(stars, (int) productReviews.stream().filter(r -> r.rating() == stars).count()))
                .toList();
        return new RatingSummary(average, productReviews.size(), distribution);
    }

    List<Product> sorted(List<Product> items, String sort) {
        Comparator<Product> order = switch (sort == null ? "RELEVANCE" : sort) {
            case "PRICE_ASC" -> Comparator.comparingInt(p -> p.price().amountCents());
            case "PRICE_DESC" -> Comparator.<Product>comparingInt(p -> p.price().amountCents()).reversed();
            case "NEWEST" -> Comparator.comparing(Product::createdAt, Comparator.comparing(OffsetDateTime::toInstant)).reversed();
            case "TOP_RATED" -> Comparator.comparingDouble((Product p) -> Optional.ofNullable(rating(p)).map(RatingSummary::average).orElse(0.0)).reversed();
            default -> (a, b) -> 0;
        };
        return items.stream().sorted(order).toList();
    }

    List<Review> sortedReviews(List<Review> items, String sort) {
        Comparator<Review> order = switch (sort == null ? "MOST_HELPFUL" : sort) {
            case "NEWEST" -> Comparator.comparing(Review::createdAt, Comparator.comparing(OffsetDateTime::toInstant)).reversed();
            case "HIGHEST_RATED" -> Comparator.comparingInt(Review::rating).reversed();
            case "LOWEST_RATED" -> Comparator.comparingInt(Review::rating);
            default -> Comparator.comparingInt(Review::helpfulCount).reversed();
        };
        return items.stream().sorted(order).toList();
    }

    /** Cursor pagination over {@code items}; a cursor is {@code "cursor:" + id}. */
    static <T> Connection<T> paginate(List<T> items, Function<T, String> id, Integer first, String after) {
        List<Edge<T>> all = items.stream().map(item -> new Edge<>("cursor:" + id.apply(item), item)).toList();
        int start = after == null ? 0 : all.stream().map(Edge::cursor).toList().indexOf(after) + 1;
        int end = first == null ? all.size() : Math.min(all.size(), start + first);
        List<Edge<T>> page = all.subList(start, Math.max(start, end));
        String endCursor = page.isEmpty() ? null : page.get(page.size() - 1).cursor();
        return new Connection<>(page, new PageInfo(end < all.size(), endCursor), all.size());
    }

    List<Order> ordersOf(User user) {
        return orders.stream()
                .filter(o -> o.userId().equals(user.id()))
                .sorted(Comparator.comparing(Order::placedAt, Comparator.comparing(OffsetDateTime::toInstant)).reversed())
                .toList();
    }

    /** The remaining steps of an order's fulfilment, one per status change. */
    List<Order> statusChanges(Order order) {
        List<Order> changes = new ArrayList<>();
        Order current = order;
        while (!current.status().equals("DELIVERED") && !current.status().equals("CANCELLED")) {
            current = switch (current.status()) {
                case "PENDING" -> current.progressedTo("PAID", null);
                case "PAID" -> current.progressedTo("SHIPPED", "1Z-" + order.id().replace("order-", "000"));
                default -> current.progressedTo("DELIVERED", current.trackingNumber());
            };
            changes.add(current);
        }
        return changes;
    }

    private Order order(String id, String number, String status, String trackingNumber, OffsetDateTime placedAt, List<OrderLine> lines) {
        return newOrder(id, "user-1", number, status, lines, 0, adasAddress, trackingNumber, placedAt);
    }

    private static OrderLine orderLine(String id, Product product, ProductVariant variant, int quantity) {
        Money unitPrice = variant != null ? variant.price() : product.price();
        return new OrderLine(id, product, variant, quantity, unitPrice, unitPrice.times(quantity));
    }

    private static Order newOrder(String id, String userId, String number, String status, List<OrderLine> lines, int percentOff,
            Address address, String trackingNumber, OffsetDateTime placedAt) {
        Money itemsTotal = lines.stream().map(OrderLine::lineTotal).reduce(Money.usd(0), Money::plus);
        Money subtotal = itemsTotal.percent(100 - percentOff);
        Money shipping = subtotal.amountCents() >= FREE_SHIPPING_FROM_CENTS ? Money.usd(0) : SHIPPING;
        Money tax = subtotal.percent(TAX_PERCENT);
        return new Order(id, userId, number, status, lines, subtotal, shipping, tax, subtotal.plus(shipping).plus(tax), address,
                trackingNumber, placedAt);
    }

    // ---- mutations

    private static UserError error(String field, String message, String code) {
        return new UserError(List.of("input", field), message, code);
    }

    CartPayload addToCart(String productId, String variantId, int quantity) {
        Product product = product(productId);
        if (product == null) {
            return new CartPayload(cart, List.of(error("productId", "No product with id " + productId, "NOT_FOUND")));
        }
        if (product.stockStatus().equals("OUT_OF_STOCK")) {
            return new CartPayload(cart, List.of(error("productId", product.name() + " is out of stock", "OUT_OF_STOCK")));
        }
        ProductVariant variant = variantId == null ? null
                : product.variants().stream().filter(v -> v.id().equals(variantId)).findFirst().orElse(null);
        if (variantId != null && variant == null) {
            return new CartPayload(cart, List.of(error("variantId", "No variant with id " + variantId, "NOT_FOUND")));
        }
        List<CartLine> lines = new ArrayList<>(cart.lines());
        Optional<CartLine> existing = lines.stream()
                .filter(l -> l.product().id().equals(productId) && Objects.equals(l.variant(), variant))
                .findFirst();
        if (existing.isPresent()) {
            CartLine line = existing.get();
            lines.set(lines.indexOf(line), new CartLine(line.id(), product, variant, line.quantity() + quantity));
        } else {
            lines.add(new CartLine("line-" + nextCartLine++, product, variant, quantity));
        }
        cart = new Cart(cart.id(), List.copyOf(lines), NOW);
        return new CartPayload(cart, List.of());
    }

    CartPayload updateCartLine(String lineId, int quantity) {
        List<CartLine> lines = new ArrayList<>(cart.lines());
        Optional<CartLine> line = lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
        if (line.isEmpty()) {
            return new CartPayload(cart, List.of(error("lineId", "No cart line with id " + lineId, "NOT_FOUND")));
        }
        if (quantity < 0) {
            return new CartPayload(cart, List.of(error("quantity", "Quantity cannot be negative", "INVALID_QUANTITY")));
        }
        int index = lines.indexOf(line.get());
        if (quantity == 0) {
            lines.remove(index);
        } else {
            lines.set(index, new CartLine(lineId, line.get().product(), line.get().variant(), quantity));
        }
        cart = new Cart(cart.id(), List.copyOf(lines), NOW);
        return new CartPayload(cart, List.of());
    }

    CartPayload removeCartLine(String lineId) {
        if (cart.lines().stream().noneMatch(l -> l.id().equals(lineId))) {
            return new CartPayload(cart, List.of(new UserError(List.of("lineId"), "No cart line with id " + lineId, "NOT_FOUND")));
        }
        cart = new Cart(cart.id(), cart.lines().stream().filter(l -> !l.id().equals(lineId)).toList(), NOW);
        return new CartPayload(cart, List.of());
    }

    CheckoutPayload checkout(String cartId, Address shippingAddress, String paymentToken, String couponCode) {
        List<UserError> errors = new ArrayList<>();
        if (!cart.id().equals(cartId)) {
            errors.add(error("cartId", "No cart with id " + cartId, "NOT_FOUND"));
        } else if (cart.lines().isEmpty()) {
            errors.add(error("cartId", "The cart is empty", "EMPTY_CART"));
        }
        if (paymentToken.equals("tok_declined")) {
            errors.add(error("paymentToken", "The card was declined", "PAYMENT_DECLINED"));
        }
        if (couponCode != null && !couponCode.equals("WELCOME10")) {
            errors.add(error("couponCode", "Unknown coupon " + couponCode, "INVALID_COUPON"));
        }
        if (!errors.isEmpty()) {
            return new CheckoutPayload(null, errors);
        }
        int n = orders.size() + 1;
        List<OrderLine> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            lines.add(orderLine("ol-" + n + "-" + (lines.size() + 1), line.product(), line.variant(), line.quantity()));
        }
        Order order = newOrder("order-" + n, viewer.id(), "SO-" + (10420 + n), "PAID", lines, couponCode == null ? 0 : 10,
                shippingAddress, null, NOW);
        orders.add(order);
        cart = new Cart(cart.id(), List.of(), NOW);
        return new CheckoutPayload(order, List.of());
    }

    SubmitReviewPayload submitReview(String productId, int rating, String title, String body) {
        if (product(productId) == null) {
            return new SubmitReviewPayload(null, List.of(error("productId", "No product with id " + productId, "NOT_FOUND")));
        }
        if (rating < 1 || rating > 5) {
            return new SubmitReviewPayload(null, List.of(error("rating", "Rating must be between 1 and 5", "INVALID_RATING")));
        }
        boolean bought = ordersOf(viewer).stream().flatMap(o -> o.lines().stream()).anyMatch(l -> l.product().id().equals(productId));
        Review review = new Review("rev-" + (reviews.size() + 1), productId, viewer.id(), rating, title, body, List.of(), 0, bought, NOW);
        reviews.add(review);
        return new SubmitReviewPayload(review, List.of());
    }
}
